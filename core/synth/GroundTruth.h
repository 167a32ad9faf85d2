// Ground truth of a synthetic slide: a low-resolution label mask and QuPath-style GeoJSON.
#pragma once

#include "SlideScene.h"

#include <QByteArray>
#include <QImage>
#include <QString>
#include <cstdint>
#include <vector>

namespace tessera::core {

// Values of the ground-truth mask PNG (8-bit grey, one pixel per `downsample` level-0 px).
enum class TruthLabel : uchar { Background = 0, Tissue = 128, Tumour = 255 };

struct GroundTruthPaths {
    QString mask;    // <stem>.mask.png
    QString geojson; // <stem>.geojson
    static GroundTruthPaths forSlide(const QString& slidePath);
};

class GroundTruth {
public:
    // The PNG carries its downsample and level-0 size as text chunks (read back by load()).
    static QImage renderMask(const SlideScene& scene, int downsample);
    // A FeatureCollection of Polygons (level-0 pixels) classified "Tissue" and "Tumor".
    static QByteArray geoJson(const SlideScene& scene);
    // Writes both files atomically.
    static void write(const SlideScene& scene, const GroundTruthPaths& paths);

    // Downsample recorded in a mask written by renderMask(); throws Error if absent.
    static int maskDownsample(const QImage& mask, const QString& path);
    // Fraction of tumour pixels in each square patch (level-0 top-left `coords`, side `step`)
    // of the mask PNG at `maskPath`. Throws Error if the mask cannot be read.
    static std::vector<float> patchTumourFractions(const QString& maskPath,
                                                   const std::vector<std::int64_t>& coords, int step);
};

} // namespace tessera::core
