// Annotations to and from the files of the tools pathologists use: QuPath's GeoJSON (0.2–0.5:
// FeatureCollection or a bare array of Features; Polygon, MultiPolygon, Point, MultiPoint,
// LineString; classification by name and colour) and ASAP's XML (Polygon, Rectangle, Dot, Spline,
// PointSet; AnnotationGroups as classes).
//
// Reading is all or nothing: the first problem throws Error naming the file and the feature
// (GeoJSON: its index; XML: its line), and nothing is returned half-read. What a format cannot
// hold is reported in AnnotationImport::dropped / the export's list, never lost silently.
// Writing is atomic: a failure leaves no partial file under the final name.
#pragma once

#include "Annotation.h"

#include <QByteArray>
#include <QJsonObject>

namespace tessera::core {

enum class AnnotationFormat { GeoJson, AsapXml };

// Files above this size are refused before reading (a million QuPath objects are ≈ 300 MB).
inline constexpr qint64 kMaxAnnotationFileBytes = 512LL * 1024 * 1024;

// By extension (.geojson/.json, .xml), or by the first non-blank character.
AnnotationFormat annotationFormatOf(const QString& path);

// In the format annotationFormatOf(path) says, or in `format` whatever the file is named.
AnnotationImport importAnnotations(const QString& path);
AnnotationImport importAnnotations(const QString& path, AnnotationFormat format);
// Returns what the format could not hold (empty when everything was written).
QStringList exportAnnotations(const QString& path, const std::vector<Annotation>& annotations,
                              const std::vector<AnnotationClass>& classes);
QStringList exportAnnotations(const QString& path, AnnotationFormat format,
                              const std::vector<Annotation>& annotations,
                              const std::vector<AnnotationClass>& classes);

// The formats on their own, on bytes (`source` names the file in messages).
AnnotationImport parseGeoJson(const QByteArray& bytes, const QString& source);
QByteArray writeGeoJson(const std::vector<Annotation>& annotations,
                        const std::vector<AnnotationClass>& classes);
AnnotationImport parseAsapXml(const QByteArray& bytes, const QString& source);
QByteArray writeAsapXml(const std::vector<Annotation>& annotations,
                        const std::vector<AnnotationClass>& classes, QStringList* dropped = nullptr);

// A compact binary form of a geometry (how the project database stores it: a tenth of the time
// and a third of the bytes of GeoJSON text), and back; the kind travels separately.
QByteArray geometryToBlob(const Geometry& geometry);
// nullopt when `bytes` is not such a blob (e.g. GeoJSON text written by an older version).
std::optional<Geometry> geometryFromBlob(const QByteArray& bytes, ShapeKind kind);

// A geometry as a GeoJSON geometry object's text, and back.
QByteArray geometryToGeoJson(const Geometry& geometry);
// Throws Error (the message without a file name) when the object is not a geometry Tessera keeps.
Geometry geometryFromGeoJson(const QJsonObject& object, ShapeKind hint = ShapeKind::Polygon);

} // namespace tessera::core
