// What the annotation tools share: the view's document, the class and author new annotations
// get, and adding a finished shape as one undoable edit.
#pragma once

#include "viewer/tools/ViewerTool.h"

#include <functional>

namespace tessera::core {
struct Geometry;
class AnnotationSet;
} // namespace tessera::core

namespace tessera::ui {

class SlideDocument;

// The class and author for new annotations, asked at the moment one is made.
struct AnnotationDefaults {
    std::function<QString()> className;
    std::function<QString()> author;
};

class AnnotationTool : public ViewerTool {
    Q_OBJECT
public:
    AnnotationTool(SlideView* view, AnnotationDefaults defaults);
    QCursor cursor() const override { return Qt::CrossCursor; }

protected:
    SlideDocument* document() const;
    QPointF level0At(QPointF widget) const;
    // Adds `geometry` as a new annotation when it is sound; returns whether it was added.
    bool addShape(const core::Geometry& geometry, const QString& undoText);
    void repaint() const;

private:
    AnnotationDefaults m_defaults;
};

} // namespace tessera::ui
