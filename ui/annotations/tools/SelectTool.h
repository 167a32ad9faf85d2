// Selecting and editing annotations: click to select (Shift adds or removes), drag on empty
// slide for a rubber band, drag a selection to move it, drag a vertex handle of a single
// selected annotation to reshape it; Delete removes, Ctrl+D duplicates. Each move, reshape,
// deletion and duplication is one undoable edit.
#pragma once

#include "AnnotationTool.h"
#include "annotations/Annotation.h"

#include <QRectF>
#include <vector>

namespace tessera::ui {

class SelectTool : public AnnotationTool {
    Q_OBJECT
public:
    using AnnotationTool::AnnotationTool;
    QString name() const override { return QStringLiteral("select"); }
    QCursor cursor() const override { return Qt::ArrowCursor; }
    bool mousePress(QMouseEvent* event) override;
    bool mouseMove(QMouseEvent* event) override;
    bool mouseRelease(QMouseEvent* event) override;
    bool keyPress(QKeyEvent* event) override;
    void paint(QPainter& painter, const ViewTransform& view) const override;

    void deleteSelection();
    void duplicateSelection();

private:
    enum class Drag { None, Band, Move, Vertex };
    int handleAt(QPointF widget) const; // vertex index of the single selected annotation, or -1

    Drag m_drag = Drag::None;
    QPointF m_pressWidget, m_pressLevel0, m_nowLevel0;
    int m_vertex = -1;
    std::vector<core::Annotation> m_original; // the selection as it was when the drag began
};

} // namespace tessera::ui
