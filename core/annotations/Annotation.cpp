#include "Annotation.h"

#include <map>

namespace tessera::core {

QColor displayColor(const Annotation& annotation, const std::vector<AnnotationClass>& classes)
{
    if (annotation.color.isValid())
        return annotation.color;
    if (const AnnotationClass* c = findClass(classes, annotation.className); c && c->color.isValid())
        return c->color;
    return QColor(255, 0, 0);
}

const AnnotationClass* findClass(const std::vector<AnnotationClass>& classes, const QString& name)
{
    for (const AnnotationClass& c : classes)
        if (c.name == name)
            return &c;
    return nullptr;
}

QColor suggestClassColor(const std::vector<AnnotationClass>& taken)
{
    // QuPath's default class colours, then hues spread by the golden angle.
    static const QColor palette[] = {QColor(200, 0, 0),    QColor(150, 200, 150), QColor(0, 180, 180),
                                     QColor(160, 90, 160), QColor(250, 200, 0),   QColor(40, 60, 220),
                                     QColor(200, 120, 40), QColor(90, 160, 50)};
    const auto used = [&](const QColor& c) {
        for (const AnnotationClass& t : taken)
            if (t.color.rgb() == c.rgb())
                return true;
        return false;
    };
    for (const QColor& c : palette)
        if (!used(c))
            return c;
    for (int i = 0;; ++i) {
        const QColor c = QColor::fromHsv(int(i * 137.508) % 360, 200, 210);
        if (!used(c))
            return c;
    }
}

AnnotationMeasure measure(const Geometry& geometry, std::optional<double> micronsPerPixel)
{
    AnnotationMeasure m;
    const double scale = micronsPerPixel.value_or(1.0);
    m.area = geometry.area() * scale * scale;
    m.perimeter = geometry.perimeter() * scale;
    m.points = geometry.vertexCount();
    m.inMicrons = micronsPerPixel.has_value();
    return m;
}

std::vector<ClassSummary> summarizeByClass(const std::vector<Annotation>& annotations,
                                           const std::vector<AnnotationClass>& classes,
                                           std::optional<double> micronsPerPixel)
{
    std::map<QString, ClassSummary> byName;
    for (const Annotation& a : annotations) {
        ClassSummary& s = byName[a.className];
        s.className = a.className;
        ++s.count;
        s.area += measure(a.geometry, micronsPerPixel).area;
    }
    std::vector<ClassSummary> out;
    for (const AnnotationClass& c : classes)
        if (auto it = byName.find(c.name); it != byName.end()) {
            out.push_back(it->second);
            byName.erase(it);
        }
    for (auto& [name, summary] : byName)
        out.push_back(summary);
    return out;
}

} // namespace tessera::core
