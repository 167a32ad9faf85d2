// The minimap: a thumbnail of the whole slide with the viewport; click or drag to navigate.
#pragma once

#include <QImage>
#include <QPointer>
#include <QWidget>

namespace tessera::ui {

class SlideView;

class OverviewWidget : public QWidget {
    Q_OBJECT
public:
    explicit OverviewWidget(QWidget* parent = nullptr);
    ~OverviewWidget() override;

    void setView(SlideView* view);
    const QImage& thumbnail() const { return m_thumbnail; }
    // Where the thumbnail is drawn, and the viewport rectangle, in widget pixels.
    QRectF imageRect() const;
    QRectF viewportRect() const;
    QSize sizeHint() const override { return {260, 200}; }

Q_SIGNALS:
    void thumbnailReady();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    void navigate(QPointF widgetPos);

    QPointer<SlideView> m_view;
    QImage m_thumbnail;
    quint64 m_loading = 0; // the thumbnail task of the current view
    QMetaObject::Connection m_viewChanged;
};

} // namespace tessera::ui
