// Writes a slide pyramid as a DICOM whole-slide series (VL Whole Slide Microscopy Image Storage):
// a folder with one instance per level (level-0.dcm …), TILED_FULL — or TILED_SPARSE, leaving out
// frames that are all glass — with JPEG baseline, lossless JPEG 2000 or uncompressed frames, and
// optional label and overview instances. The folder appears whole or not at all: it is written
// beside its final name and renamed into place by finish().
#pragma once

#include "PyramidWriter.h"

#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace tessera::core {

enum class DicomFrameCodec { Jpeg, Jpeg2000Lossless, Uncompressed };

struct DicomSeriesOptions {
    int tileSize = 256;
    int jpegQuality = 90;
    DicomFrameCodec codec = DicomFrameCodec::Jpeg;
    double mpp = 0;            // of level 0; 0: unknown (no Pixel Spacing written)
    double objectivePower = 0; // 0: unknown
    QString description;       // Series Description
    // TILED_SPARSE: frames whose pixels are all near-white (≥ 250) are not written.
    bool sparse = false;
};

class DicomSeriesWriter : public PyramidWriter {
public:
    // `folder` must not exist yet, or be an empty folder.
    DicomSeriesWriter(const QString& folder, DicomSeriesOptions options);
    ~DicomSeriesWriter() override;

    void beginLevel(int width, int height, double downsample) override;
    void writeImage(const cv::Mat& image, int firstTileRow = 0) override;
    // An associated image, written as one instance: "label" (LABEL) or "macro" (OVERVIEW).
    void writeAssociated(const QString& name, const cv::Mat& rgb);
    void finish() override;
    int tileSize() const override { return m_options.tileSize; }

    static QString codecName(DicomFrameCodec codec);

private:
    struct Level;
    void writeTile(int column, int row, const cv::Mat& tile);
    void finishLevel();
    void writeInstance(const Level& level);
    [[noreturn]] void fail(const QString& what) const;

    QString m_folder;
    QString m_staging; // the folder being written, renamed to m_folder by finish()
    DicomSeriesOptions m_options;
    QString m_studyUid, m_seriesUid, m_frameOfReferenceUid;
    std::unique_ptr<Level> m_level;
    int m_instances = 0;
    cv::Mat m_tileBuffer;
};

} // namespace tessera::core
