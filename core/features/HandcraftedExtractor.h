// Weight-free patch features: H&E stain statistics, colour, texture and nuclei-like blobs.
#pragma once

#include "FeatureExtractor.h"

namespace tessera::core {

// Deterministic and cheap (~1 ms per 256² patch): patches larger than ~160 px are measured on
// a half-resolution copy. Features, in order:
//  haematoxylin and eosin concentration (Ruifrok–Johnston deconvolution): mean, sd, p10, p50,
//  p90 and 16-bin histograms; grey mean, sd, 16-bin histogram; RGB mean, sd; saturation and
//  value mean, sd; background fraction; gradient magnitude mean, sd, 8-bin histogram;
//  Laplacian variance; grey-level co-occurrence contrast, energy, homogeneity, correlation at
//  distances 1 and 3; uniform LBP histogram (10); haematoxylin blobs: density, mean and sd of
//  area, large-blob fraction, positive-pixel fraction, mean blob intensity.
class HandcraftedExtractor : public FeatureExtractor {
public:
    static constexpr int kDimension = 128;

    QString name() const override { return QStringLiteral("handcrafted"); }
    QString version() const override { return QStringLiteral("1"); }
    int dimension() const override { return kDimension; }
    bool parallelPerPatch() const override { return true; }
    void extract(const std::vector<cv::Mat>& patches, float* out) override;

    static void extractOne(const cv::Mat& rgb, float* out);
};

} // namespace tessera::core
