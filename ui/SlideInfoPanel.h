// Dock content: a slide's key facts, all its properties, and its label/macro thumbnails.
#pragma once

#include "slide/Slide.h"

#include <QImage>
#include <QWidget>

class QLabel;
class QTableWidget;
class QHBoxLayout;

namespace tessera::ui {

class SlideInfoPanel : public QWidget {
    Q_OBJECT
public:
    explicit SlideInfoPanel(QWidget* parent = nullptr);
    void setSlide(const core::SlidePtr& slide);

    QTableWidget* propertyTable() const { return m_table; }
    QStringList shownAssociatedImages() const { return m_shownImages; }
    QString summaryText() const;

Q_SIGNALS:
    void associatedImagesShown();

private:
    struct Thumbnail {
        QString name;
        QImage image;
        QString error;
    };
    void showThumbnails(const QList<Thumbnail>& thumbnails);

    QLabel* m_summary;
    QTableWidget* m_table;
    QHBoxLayout* m_images;
    QStringList m_shownImages;
    quint64 m_loading = 0; // the current slide's images
};

} // namespace tessera::ui
