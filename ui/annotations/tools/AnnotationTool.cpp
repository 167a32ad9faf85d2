#include "AnnotationTool.h"

#include "annotations/AnnotationSet.h"
#include "document/SlideDocument.h"
#include "viewer/SlideView.h"

namespace tessera::ui {

AnnotationTool::AnnotationTool(SlideView* view, AnnotationDefaults defaults)
    : ViewerTool(view), m_defaults(std::move(defaults))
{
}

SlideDocument* AnnotationTool::document() const
{
    return view()->document();
}

QPointF AnnotationTool::level0At(QPointF widget) const
{
    return view()->transform().widgetToLevel0(widget);
}

bool AnnotationTool::addShape(const core::Geometry& geometry, const QString& undoText)
{
    if (!document() || geometry.problem())
        return false;
    core::Annotation a;
    a.id = QUuid::createUuid();
    a.geometry = geometry;
    a.className = m_defaults.className ? m_defaults.className() : QString();
    a.author = m_defaults.author ? m_defaults.author() : QString();
    a.created = a.modified = QDateTime::currentDateTimeUtc();
    document()->annotations().add({a}, undoText);
    return true;
}

void AnnotationTool::repaint() const
{
    view()->update();
}

} // namespace tessera::ui
