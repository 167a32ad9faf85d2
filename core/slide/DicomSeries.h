// The instances of one DICOM whole-slide series (VL Whole Slide Microscopy Image Storage), read from
// their headers with GDCM, and where each frame's bytes lie in its file. Pixels are not touched here:
// DicomSlideReader decodes frames on demand.
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace tessera::core {

enum class DicomCodec { Native, Jpeg, Jpeg2000, JpegLs };

// Where one frame's bytes are: `size` bytes from `offset`. An encapsulated frame's range starts at
// its first fragment's 8-byte item header and includes those of its `fragments` after the first.
struct DicomFrameSpan {
    uint64_t offset = 0;
    uint32_t size = 0;
    uint32_t fragments = 1;
};

struct DicomInstance {
    QString path;
    QString seriesUid;
    QString imageFlavour; // ImageType's third value: VOLUME, LABEL, OVERVIEW, THUMBNAIL
    QString transferSyntax;
    DicomCodec codec = DicomCodec::Native;
    QString photometric; // RGB, YBR_FULL_422, YBR_ICT, YBR_RCT, MONOCHROME2 …
    int samplesPerPixel = 3;
    int planarConfiguration = 0;
    QSize tileSize;        // Columns × Rows of one frame
    QSize matrixSize;      // TotalPixelMatrixColumns × Rows (one frame's size for a single-frame image)
    qint64 frameCount = 0; // NumberOfFrames as declared
    bool sparse = false;   // TILED_SPARSE: frames placed by their per-frame positions
    // For sparse images: tile index (row × across + column) → frame number; absent where no frame
    // is (a map: a damaged header may claim a grid of billions of tiles).
    std::unordered_map<uint64_t, int32_t> frameAtTile;
    double pixelSpacingMm[2] = {0, 0}; // row spacing, column spacing; 0 when absent
    double objectivePower = 0;
    QString manufacturer, modelName, seriesDescription, containerId;

    // Pixel data: native frames are `nativeFrameBytes` each from `pixelDataOffset`; encapsulated
    // ones are listed in `frames` (only those the file holds: a truncated file lists fewer).
    uint64_t pixelDataOffset = 0;
    uint64_t pixelDataLength = 0; // native only: the value length the header declares
    uint64_t fileSize = 0;
    std::vector<DicomFrameSpan> frames;

    int tilesAcross() const { return (matrixSize.width() + tileSize.width() - 1) / tileSize.width(); }
    int tilesDown() const { return (matrixSize.height() + tileSize.height() - 1) / tileSize.height(); }
    uint64_t nativeFrameBytes() const
    {
        return uint64_t(tileSize.width()) * uint64_t(tileSize.height()) * uint64_t(samplesPerPixel);
    }
    // Frames the file actually holds (≤ frameCount when it is cut short).
    qint64 framesPresent() const;
};

// True when the file has DICOM's "DICM" preamble. Cheap: reads 132 bytes.
bool isDicomFile(const QString& path);

// Reads one instance's header and frame table. Throws Error naming the file and the reason when
// it is not a whole-slide image Tessera reads (another SOP class, 16-bit samples, a transfer
// syntax with no decoder here, a header that contradicts itself …). GDCM may abort on a damaged
// header: this does not guard against that (tessera-dicom-check calls it); the two below do, by a
// trial read of the files in that helper first.
// `withFrames` false skips the frame table (the helper's trial read: GDCM's part only).
DicomInstance readDicomInstance(const QString& path, bool withFrames = true);

// The series `path` belongs to: `path` itself and every DICOM file in its folder with the same
// SeriesInstanceUID (a folder: the series of its largest VOLUME image). Throws Error when there is
// no whole-slide image. Files of other series or SOP classes in the folder are skipped.
std::vector<DicomInstance> readDicomSeries(const QString& path);

// The instance to open for a folder that holds a DICOM series: its largest VOLUME image; empty
// when the folder holds no DICOM whole-slide image.
QString dicomSeriesEntry(const QString& folder);

} // namespace tessera::core
