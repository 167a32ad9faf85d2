#include "ViewTransform.h"

#include <algorithm>

namespace tessera::ui {

ViewTransform::ViewTransform(QSizeF slideSize, QSize viewport)
    : m_slide(slideSize), m_viewport(viewport.expandedTo(QSize(1, 1)))
{
    *this = fitted();
}

double ViewTransform::fitScale() const
{
    return 0.98 * std::min(double(m_viewport.width()) / m_slide.width(),
                           double(m_viewport.height()) / m_slide.height());
}

double ViewTransform::minScale() const
{
    return std::min(0.5 * fitScale(), 1.0); // tiny slides can still be seen 1:1
}

double ViewTransform::maxScale() const
{
    return std::max(kMaxScreenPerLevel0, fitScale());
}

ViewTransform ViewTransform::at(QPointF centre, double scale) const
{
    ViewTransform v = *this;
    v.m_scale = std::clamp(scale, minScale(), maxScale());
    v.m_centre =
        QPointF(std::clamp(centre.x(), 0.0, m_slide.width()), std::clamp(centre.y(), 0.0, m_slide.height()));
    return v;
}

ViewTransform ViewTransform::resized(QSize viewport) const
{
    ViewTransform v = *this;
    v.m_viewport = viewport.expandedTo(QSize(1, 1));
    return v.at(m_centre, m_scale);
}

ViewTransform ViewTransform::zoomedBy(double factor, QPointF anchor) const
{
    const QPointF before = widgetToLevel0(anchor);
    const double scale = std::clamp(m_scale * factor, minScale(), maxScale());
    const QPointF offset = (anchor - QPointF(m_viewport.width() / 2.0, m_viewport.height() / 2.0)) / scale;
    return at(before - offset, scale);
}

ViewTransform ViewTransform::pannedBy(QPointF delta) const
{
    return at(m_centre - delta / m_scale, m_scale);
}

ViewTransform ViewTransform::fitted() const
{
    return at(QPointF(m_slide.width() / 2.0, m_slide.height() / 2.0), fitScale());
}

QPointF ViewTransform::widgetToLevel0(QPointF p) const
{
    return m_centre + (p - QPointF(m_viewport.width() / 2.0, m_viewport.height() / 2.0)) / m_scale;
}

QPointF ViewTransform::level0ToWidget(QPointF p) const
{
    return (p - m_centre) * m_scale + QPointF(m_viewport.width() / 2.0, m_viewport.height() / 2.0);
}

QRectF ViewTransform::level0ToWidget(const QRectF& r) const
{
    return QRectF(level0ToWidget(r.topLeft()), level0ToWidget(r.bottomRight()));
}

QRectF ViewTransform::visibleLevel0Rect() const
{
    return QRectF(widgetToLevel0(QPointF(0, 0)),
                  widgetToLevel0(QPointF(m_viewport.width(), m_viewport.height())));
}

QTransform ViewTransform::level0ToWidgetTransform() const
{
    QTransform t;
    t.translate(m_viewport.width() / 2.0, m_viewport.height() / 2.0);
    t.scale(m_scale, m_scale);
    t.translate(-m_centre.x(), -m_centre.y());
    return t;
}

} // namespace tessera::ui
