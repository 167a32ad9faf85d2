// One annotation on a slide (QuPath's PathObject, ASAP's Annotation) and the classes that group
// them. Identified by a UUID, which QuPath's GeoJSON carries as the feature's id.
#pragma once

#include "Geometry.h"

#include <QColor>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <optional>
#include <vector>

namespace tessera::core {

// Where an annotation came from when the model asked for it (tessera-cli suggest, the Review
// dock): the run that proposed the region, how (the acquisition) and with what score. Empty for
// annotations a person drew unasked. Who confirmed it and when are the annotation's author and
// creation time.
struct AnnotationOrigin {
    QString run;
    QString acquisition;
    double score = 0;

    bool isEmpty() const { return run.isEmpty(); }
    QByteArray toJson() const;                                // {"run":…,"acquisition":…,"score":…}
    static AnnotationOrigin fromJson(const QByteArray& json); // empty when it is not one
    bool operator==(const AnnotationOrigin& other) const = default;
};

struct Annotation {
    QUuid id;
    Geometry geometry;
    QString name;
    QString className; // empty: unclassified
    QColor color;      // its own colour; invalid: the class's
    QString author;
    QDateTime created, modified; // UTC
    bool detection = false;      // QuPath detection or cell: imported read-only
    bool locked = false;         // not editable in the viewer
    AnnotationOrigin origin;     // proposed by a run; empty when drawn unasked

    bool editable() const { return !locked && !detection; }
    bool operator==(const Annotation& other) const = default;
};

struct AnnotationClass {
    QString name;
    QColor color;
    bool visible = true;
    bool operator==(const AnnotationClass& other) const = default;
};

// The colour an annotation is drawn in: its own, its class's, or QuPath's unclassified red.
QColor displayColor(const Annotation& annotation, const std::vector<AnnotationClass>& classes);
const AnnotationClass* findClass(const std::vector<AnnotationClass>& classes, const QString& name);
// A colour for a new class, distinct from the ones taken (QuPath's defaults first).
QColor suggestClassColor(const std::vector<AnnotationClass>& taken);
// What unclassified annotations are drawn in (QuPath's red).
QColor unclassifiedColor();

// Measurements in µm when the slide's microns per pixel are known, otherwise in pixels.
struct AnnotationMeasure {
    double area = 0;      // µm² (or px²)
    double perimeter = 0; // µm (or px)
    int points = 0;
    bool inMicrons = false;
};
AnnotationMeasure measure(const Geometry& geometry, std::optional<double> micronsPerPixel);

// Count and total area per class (unclassified under an empty name), in the classes' order, then
// any class the list does not have.
struct ClassSummary {
    QString className;
    int count = 0;
    double area = 0; // µm² (or px²)
};
std::vector<ClassSummary> summarizeByClass(const std::vector<Annotation>& annotations,
                                           const std::vector<AnnotationClass>& classes,
                                           std::optional<double> micronsPerPixel);

// ISO 8601 UTC with milliseconds ("2026-11-30T19:05:00.123Z"), written and read without
// QDateTime's general parser (a hundred thousand annotations carry two timestamps each).
QByteArray isoUtc(const QDateTime& time);
QDateTime parseIsoUtc(QStringView text); // invalid when it is not such a timestamp

// What an import read, and what of the file it could not keep (in words, one line per kind).
struct AnnotationImport {
    std::vector<Annotation> annotations;
    std::vector<AnnotationClass> classes; // as the file defines them (name and colour)
    QStringList dropped;
};

} // namespace tessera::core
