// Features from any user-supplied TorchScript image encoder (ResNet, CTransPath, UNI …).
#pragma once

#include "FeatureExtractor.h"

#include <array>
#include <memory>

namespace tessera::core {

struct TorchScriptOptions {
    QString device = QStringLiteral("auto");
    int inputSize = 224; // patches are resized to this square
    int batchSize = 32;
    std::array<float, 3> mean{0.485f, 0.456f, 0.406f}; // ImageNet normalization by default
    std::array<float, 3> std{0.229f, 0.224f, 0.225f};
};

// The model must take a float tensor [B, 3, S, S] (normalized RGB) and return [B, D]
// (or [B, D, 1, 1]). This is checked when the file is loaded, with a clear Error otherwise.
class TorchScriptExtractor : public FeatureExtractor {
public:
    TorchScriptExtractor(const QString& path, TorchScriptOptions options = {});
    ~TorchScriptExtractor() override;

    QString name() const override;
    QString version() const override;
    int dimension() const override { return m_dimension; }
    int batchSize() const override { return m_options.batchSize; }
    void extract(const std::vector<cv::Mat>& patches, float* out) override;
    QString deviceName() const;

private:
    struct Model;
    std::unique_ptr<Model> m_model;
    QString m_path;
    QString m_checksum;
    TorchScriptOptions m_options;
    int m_dimension = 0;
};

} // namespace tessera::core
