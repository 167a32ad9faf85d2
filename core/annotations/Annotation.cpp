#include "Annotation.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <cstdio>
#include <map>

namespace tessera::core {

QByteArray isoUtc(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    const QDateTime utc = time.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    char buffer[40];
    const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.year(),
                                d.month(), d.day(), t.hour(), t.minute(), t.second(), t.msec());
    return QByteArray(buffer, n);
}

QDateTime parseIsoUtc(QStringView text)
{
    const auto digits = [&](int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; ++i) {
            const char16_t c = text[i].unicode();
            if (c < '0' || c > '9')
                return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    };
    if (text.size() == 24 && text[4] == u'-' && text[7] == u'-' && text[10] == u'T' && text[13] == u':' &&
        text[16] == u':' && text[19] == u'.' && text[23] == u'Z') {
        const QDate d(digits(0, 4), digits(5, 2), digits(8, 2));
        const QTime t(digits(11, 2), digits(14, 2), digits(17, 2), digits(20, 3));
        if (d.isValid() && t.isValid())
            return QDateTime(d, t, QTimeZone::utc());
    }
    return QDateTime::fromString(text.toString(), Qt::ISODateWithMs); // any other ISO form
}

QColor displayColor(const Annotation& annotation, const std::vector<AnnotationClass>& classes)
{
    if (annotation.color.isValid())
        return annotation.color;
    if (const AnnotationClass* c = findClass(classes, annotation.className); c && c->color.isValid())
        return c->color;
    return unclassifiedColor();
}

QColor unclassifiedColor()
{
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
    // Okabe and Ito's qualitative palette (distinct, and to colour-blind eyes too), then hues
    // spread by the golden angle. A colour near one in use — or near the unclassified red — is
    // passed over, so that a new class never looks like an old one.
    static const QColor palette[] = {QColor(0, 114, 178),   QColor(230, 159, 0),  QColor(0, 158, 115),
                                     QColor(204, 121, 167), QColor(86, 180, 233), QColor(240, 228, 66),
                                     QColor(213, 94, 0)};
    const auto near = [](const QColor& a, const QColor& b) {
        const int dr = a.red() - b.red(), dg = a.green() - b.green(), db = a.blue() - b.blue();
        return dr * dr + dg * dg + db * db < 60 * 60;
    };
    const auto used = [&](const QColor& c) {
        if (near(c, unclassifiedColor()))
            return true;
        for (const AnnotationClass& t : taken)
            if (near(c, t.color))
                return true;
        return false;
    };
    for (const QColor& c : palette)
        if (!used(c))
            return c;
    for (int i = 0; i < 720; ++i) {
        const QColor c = QColor::fromHsv(int(i * 137.508) % 360, 200, 210);
        if (!used(c))
            return c;
    }
    return QColor::fromHsv(int(taken.size() * 137.508) % 360, 200, 210); // hundreds of classes
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

QByteArray AnnotationOrigin::toJson() const
{
    return QJsonDocument(QJsonObject{{QStringLiteral("run"), run},
                                     {QStringLiteral("acquisition"), acquisition},
                                     {QStringLiteral("score"), score}})
        .toJson(QJsonDocument::Compact);
}

AnnotationOrigin AnnotationOrigin::fromJson(const QByteArray& json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    AnnotationOrigin origin;
    origin.run = o.value(QLatin1String("run")).toString();
    origin.acquisition = o.value(QLatin1String("acquisition")).toString();
    origin.score = o.value(QLatin1String("score")).toDouble();
    return origin;
}

} // namespace tessera::core
