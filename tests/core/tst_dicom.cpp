// The DICOM whole-slide reader: files written by another tool (highdicom) against their reference
// decoding, series written by Tessera's own writer read back with the source's pixels for every
// codec, TILED_SPARSE glass, associated images, levels by size, and damaged series.
#include "common/CrashContainment.h"
#include "common/Error.h"
#include "slide/Slide.h"
#include "synth/DicomSeriesWriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <gdcmFragment.h>
#include <gdcmReader.h>
#include <gdcmSequenceOfFragments.h>
#include <gdcmSequenceOfItems.h>
#include <gdcmWriter.h>

#include <opencv2/imgproc.hpp>

#include <cstring>
#include <random>

using namespace tessera;

namespace {

QString committedFile(const QString& name)
{
    return QStringLiteral(TESSERA_SOURCE_DIR "/tests/data/dicom/") + name;
}

QImage toImage(const cv::Mat& rgb)
{
    return QImage(rgb.data, rgb.cols, rgb.rows, int(rgb.step), QImage::Format_RGB888)
        .convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

bool samePixels(const QImage& a, const QImage& b)
{
    return a.size() == b.size() && a.format() == b.format() &&
           std::memcmp(a.constBits(), b.constBits(), std::size_t(a.sizeInBytes())) == 0;
}

double meanDifference(const QImage& a, const QImage& b)
{
    if (a.size() != b.size())
        return 1e9;
    double total = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            total +=
                std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) + std::abs(qBlue(p) - qBlue(q));
        }
    return total / (3.0 * a.width() * a.height());
}

// A level-0 image with structure and noise (no JPEG in it), a glass band at the right, and its
// halvings: the pyramid to write.
std::vector<cv::Mat> sourcePyramid()
{
    cv::Mat level(530, 700, CV_8UC3);
    std::mt19937 rng(5);
    for (int y = 0; y < level.rows; ++y)
        for (int x = 0; x < level.cols; ++x) {
            cv::Vec3b& p = level.at<cv::Vec3b>(y, x);
            if (x >= 512) {
                p = cv::Vec3b(255, 255, 255); // glass: whole 128-px tiles of it from x = 512
                continue;
            }
            p = cv::Vec3b(uchar(120 + (x + y) % 90 + rng() % 12), uchar(60 + y % 70 + rng() % 12),
                          uchar(150 + x % 60 + rng() % 12));
        }
    std::vector<cv::Mat> pyramid{level};
    while (pyramid.back().cols > 150) {
        cv::Mat half;
        cv::resize(pyramid.back(), half, cv::Size(pyramid.back().cols / 2, pyramid.back().rows / 2), 0, 0,
                   cv::INTER_AREA);
        pyramid.push_back(half);
    }
    return pyramid;
}

cv::Mat labelImage()
{
    cv::Mat label(90, 140, CV_8UC3, cv::Scalar(240, 240, 230));
    cv::rectangle(label, cv::Rect(10, 10, 60, 60), cv::Scalar(20, 20, 20), cv::FILLED);
    return label;
}

QString writeSeries(const QString& folder, core::DicomFrameCodec codec, bool sparse = false)
{
    core::DicomSeriesOptions options;
    options.tileSize = 128;
    options.codec = codec;
    options.mpp = 0.25;
    options.objectivePower = 40;
    options.sparse = sparse;
    options.description = QStringLiteral("tst_dicom");
    core::DicomSeriesWriter writer(folder, options);
    const std::vector<cv::Mat> pyramid = sourcePyramid();
    for (const cv::Mat& level : pyramid) {
        writer.beginLevel(level.cols, level.rows, double(pyramid.front().cols) / level.cols);
        writer.writeImage(level);
    }
    writer.writeAssociated(QStringLiteral("label"), labelImage());
    writer.writeAssociated(QStringLiteral("macro"), pyramid.back());
    writer.finish();
    return folder;
}

// Rewrites `path` through GDCM after `change` edits its data set (and header).
void rewrite(const QString& path, const std::function<void(gdcm::File&)>& change)
{
    gdcm::Reader reader;
    reader.SetFileName(QFile::encodeName(path).constData());
    QVERIFY(reader.Read());
    gdcm::File& file = reader.GetFile();
    change(file);
    gdcm::Writer writer;
    writer.SetFileName(QFile::encodeName(path).constData());
    writer.SetFile(file);
    QVERIFY(writer.Write());
}

void setText(gdcm::DataSet& ds, uint16_t group, uint16_t element, const char* vr, const QByteArray& value)
{
    QByteArray padded = value;
    if (padded.size() % 2)
        padded.append(QByteArray(vr) == "UI" ? '\0' : ' ');
    gdcm::DataElement de(gdcm::Tag(group, element));
    de.SetVR(gdcm::VR::GetVRType(vr));
    de.SetByteValue(padded.constData(), uint32_t(padded.size()));
    ds.Replace(de);
}

template <typename F> QString errorOf(F&& f)
{
    try {
        f();
    } catch (const core::Error& e) {
        return e.message();
    }
    return {};
}

} // namespace

class TestDicom : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void highdicomUncompressedEqualsItsNativePixelData_data();
    void highdicomUncompressedEqualsItsNativePixelData();
    void highdicomJpegLsEqualsTheUncompressedImage();
    void implicitVrReadsLikeExplicit();
    void anIconImageWithEncapsulatedPixelsIsNoDamage();
    void sixteenBitGrayscaleIsRefusedByName();
    void writtenSeriesReadsBackWithTheSourcePixels_data();
    void writtenSeriesReadsBackWithTheSourcePixels();
    void levelsAreSortedBySizeWhateverTheFileNames();
    void sparseSeriesDrawsLeftOutFramesAsGlass();
    void truncatedInstanceReadsWhatIsThereAndNamesTheRest();
    void missingInstanceLeavesTheOtherLevels();
    void unsupportedTransferSyntaxIsRefusedByName();
    void headerClaimingABillionFramesIsRefused();
    void otherDicomObjectsAreRefusedByName();
    void aHeaderThatCrashesGdcmIsRefusedNotFatal();

private:
    QTemporaryDir m_dir;
};

void TestDicom::highdicomUncompressedEqualsItsNativePixelData_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("sm_image") << QStringLiteral("sm_image.dcm");
    QTest::newRow("sm_image_numbers") << QStringLiteral("sm_image_numbers.dcm");
}

void TestDicom::highdicomUncompressedEqualsItsNativePixelData()
{
    QFETCH(QString, name);
    const QString path = committedFile(name);
    const core::SlidePtr slide = core::Slide::open(path);
    QCOMPARE(slide->readerName(), QStringLiteral("dicom"));
    QCOMPARE(slide->levelCount(), 1);
    QCOMPARE(slide->size(), QSize(50, 50));
    QVERIFY(slide->micronsPerPixel() && std::abs(*slide->micronsPerPixel() - 0.499) < 1e-9);
    // The reference decoding: the file ends with 25 native frames of 10×10 interleaved RGB, in
    // rows of 5 frames (TILED_FULL).
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const QByteArray pixels = bytes.right(25 * 10 * 10 * 3);
    QImage reference(50, 50, QImage::Format_ARGB32_Premultiplied);
    for (int frame = 0; frame < 25; ++frame)
        for (int y = 0; y < 10; ++y)
            for (int x = 0; x < 10; ++x) {
                const auto* p =
                    reinterpret_cast<const uchar*>(pixels.constData()) + frame * 300 + (y * 10 + x) * 3;
                reference.setPixel(frame % 5 * 10 + x, frame / 5 * 10 + y, qRgb(p[0], p[1], p[2]));
            }
    const QImage read = slide->readLevelRegion(0, QRect(0, 0, 50, 50));
    QVERIFY(samePixels(read, reference));
    QSet<QRgb> colours; // not a blank image
    for (int y = 0; y < 50; ++y)
        for (int x = 0; x < 50; ++x)
            colours.insert(read.pixel(x, y));
    QVERIFY(colours.size() >= 10);
    // A region across frames, at an offset.
    QVERIFY(samePixels(slide->readRegion(QPoint(7, 13), 0, QSize(31, 22)), reference.copy(7, 13, 31, 22)));
}

void TestDicom::highdicomJpegLsEqualsTheUncompressedImage()
{
    const core::SlidePtr plain = core::Slide::open(committedFile(QStringLiteral("sm_image.dcm")));
    const core::SlidePtr jpegLs = core::Slide::open(committedFile(QStringLiteral("sm_image_jpegls.dcm")));
    QCOMPARE(jpegLs->property(QStringLiteral("dicom.TransferSyntaxUID")),
             QStringLiteral("1.2.840.10008.1.2.4.80"));
    QVERIFY(samePixels(jpegLs->readLevelRegion(0, QRect(0, 0, 50, 50)),
                       plain->readLevelRegion(0, QRect(0, 0, 50, 50))));
}

void TestDicom::implicitVrReadsLikeExplicit()
{
    // highdicom's image rewritten by GDCM in implicit VR little endian (sequences of undefined
    // length, no VRs): the structure check and the reader take it, with the same pixels.
    const QString path = m_dir.filePath(QStringLiteral("implicit/sm_image.dcm"));
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QVERIFY(QFile::copy(committedFile(QStringLiteral("sm_image.dcm")), path));
    rewrite(path, [](gdcm::File& file) {
        file.GetHeader().SetDataSetTransferSyntax(gdcm::TransferSyntax::ImplicitVRLittleEndian);
    });
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.readAll().contains(QByteArray("1.2.840.10008.1.2\0", 18)));
    const core::SlidePtr implicitVr = core::Slide::open(path);
    QCOMPARE(implicitVr->property(QStringLiteral("dicom.TransferSyntaxUID")),
             QStringLiteral("1.2.840.10008.1.2"));
    QCOMPARE(*implicitVr->micronsPerPixel(), 0.499);
    QVERIFY(samePixels(implicitVr->readLevelRegion(0, QRect(0, 0, 50, 50)),
                       core::Slide::open(committedFile(QStringLiteral("sm_image.dcm")))
                           ->readLevelRegion(0, QRect(0, 0, 50, 50))));
}

void TestDicom::anIconImageWithEncapsulatedPixelsIsNoDamage()
{
    // Scanners put a small Icon Image Sequence beside the frames, its pixel data encapsulated
    // (undefined length) like theirs: the structure check walks its fragments.
    const QString folder = writeSeries(m_dir.filePath(QStringLiteral("icon")), core::DicomFrameCodec::Jpeg);
    const QString path = folder + QStringLiteral("/level-0.dcm");
    rewrite(path, [](gdcm::File& file) {
        gdcm::SmartPointer<gdcm::SequenceOfFragments> fragments = new gdcm::SequenceOfFragments;
        gdcm::Fragment fragment;
        const QByteArray jpeg(64, '\x11');
        fragment.SetByteValue(jpeg.constData(), uint32_t(jpeg.size()));
        fragments->AddFragment(fragment);
        gdcm::DataElement pixels(gdcm::Tag(0x7fe0, 0x0010));
        pixels.SetValue(*fragments);
        pixels.SetVLToUndefined(); // GDCM takes an undefined length only before the VR is set
        pixels.SetVR(gdcm::VR::OB);
        gdcm::Item item;
        item.SetVLToUndefined();
        item.GetNestedDataSet().Insert(pixels);
        gdcm::SmartPointer<gdcm::SequenceOfItems> icon = new gdcm::SequenceOfItems;
        icon->SetLengthToUndefined();
        icon->AddItem(item);
        gdcm::DataElement sequence(gdcm::Tag(0x0088, 0x0200));
        sequence.SetVR(gdcm::VR::SQ);
        sequence.SetValue(*icon);
        sequence.SetVLToUndefined();
        file.GetDataSet().Insert(sequence);
    });
    const core::SlidePtr slide = core::Slide::open(path);
    QCOMPARE(slide->size(), QSize(700, 530));
    QVERIFY(meanDifference(slide->readLevelRegion(0, QRect(0, 0, 128, 128)),
                           toImage(sourcePyramid().front()(cv::Rect(0, 0, 128, 128)))) < 5);
}

void TestDicom::sixteenBitGrayscaleIsRefusedByName()
{
    const QString path = committedFile(QStringLiteral("sm_image_grayscale.dcm"));
    const QString error = errorOf([&] { core::Slide::open(path); });
    QVERIFY2(error.contains(path) && error.contains(QStringLiteral("16 bits")), qPrintable(error));
}

void TestDicom::writtenSeriesReadsBackWithTheSourcePixels_data()
{
    QTest::addColumn<int>("codec");
    QTest::addColumn<double>("tolerance"); // mean absolute difference; 0: identical
    QTest::newRow("uncompressed") << int(core::DicomFrameCodec::Uncompressed) << 0.0;
    QTest::newRow("jpeg2000 lossless") << int(core::DicomFrameCodec::Jpeg2000Lossless) << 0.0;
    // Noisy pixels under 4:2:0 chroma at quality 90; a colour-space mistake would be ~30.
    QTest::newRow("jpeg baseline") << int(core::DicomFrameCodec::Jpeg) << 5.0;
}

void TestDicom::writtenSeriesReadsBackWithTheSourcePixels()
{
    QFETCH(int, codec);
    QFETCH(double, tolerance);
    const auto frameCodec = core::DicomFrameCodec(codec);
    const QString folder =
        writeSeries(m_dir.filePath(core::DicomSeriesWriter::codecName(frameCodec)), frameCodec);
    const std::vector<cv::Mat> pyramid = sourcePyramid();
    // The folder opens as its largest image; so does any of its files.
    const core::SlidePtr slide = core::Slide::open(folder);
    QCOMPARE(QFileInfo(slide->path()).fileName(), QStringLiteral("level-0.dcm"));
    QCOMPARE(core::Slide::open(folder + QStringLiteral("/level-2.dcm"))->levelCount(), int(pyramid.size()));
    QCOMPARE(slide->readerName(), QStringLiteral("dicom"));
    QCOMPARE(slide->levelCount(), int(pyramid.size()));
    QCOMPARE(*slide->micronsPerPixel(), 0.25);
    QCOMPARE(slide->property(QStringLiteral("openslide.objective-power")), QStringLiteral("40"));
    QCOMPARE(slide->associatedImageNames(), QStringList({QStringLiteral("label"), QStringLiteral("macro")}));
    for (int level = 0; level < slide->levelCount(); ++level) {
        const cv::Mat& source = pyramid[std::size_t(level)];
        QCOMPARE(slide->levelSize(level), QSize(source.cols, source.rows));
        const QImage read = slide->readLevelRegion(level, QRect(0, 0, source.cols, source.rows));
        const QImage expected = toImage(source);
        if (tolerance == 0)
            QVERIFY2(samePixels(read, expected), qPrintable(QStringLiteral("level %1").arg(level)));
        else
            QVERIFY2(
                meanDifference(read, expected) < tolerance,
                qPrintable(QStringLiteral("level %1: %2").arg(level).arg(meanDifference(read, expected))));
    }
    const QImage label = slide->associatedImage(QStringLiteral("label"));
    if (tolerance == 0)
        QVERIFY(samePixels(label, toImage(labelImage())));
    else
        QVERIFY(meanDifference(label, toImage(labelImage())) < tolerance);
}

void TestDicom::levelsAreSortedBySizeWhateverTheFileNames()
{
    const QString folder =
        writeSeries(m_dir.filePath(QStringLiteral("renamed")), core::DicomFrameCodec::Uncompressed);
    // The smallest level first by name, the largest last.
    QVERIFY(QFile::rename(folder + QStringLiteral("/level-0.dcm"), folder + QStringLiteral("/z.dcm")));
    QVERIFY(QFile::rename(folder + QStringLiteral("/level-2.dcm"), folder + QStringLiteral("/a.dcm")));
    const core::SlidePtr slide = core::Slide::open(folder + QStringLiteral("/a.dcm"));
    QCOMPARE(slide->size(), QSize(700, 530));
    for (int level = 1; level < slide->levelCount(); ++level)
        QVERIFY(slide->levelSize(level).width() < slide->levelSize(level - 1).width());
    QCOMPARE(slide->levelDownsample(1), (700.0 / 350 + 530.0 / 265) / 2);
}

void TestDicom::sparseSeriesDrawsLeftOutFramesAsGlass()
{
    const QString folder =
        writeSeries(m_dir.filePath(QStringLiteral("sparse")), core::DicomFrameCodec::Uncompressed, true);
    const core::SlidePtr slide = core::Slide::open(folder);
    QCOMPARE(slide->property(QStringLiteral("dicom.DimensionOrganizationType")),
             QStringLiteral("TILED_SPARSE"));
    // Level 0 is 6 × 5 tiles of 128; the glass columns (x ≥ 512) were left out of the file.
    const cv::Mat source = sourcePyramid().front();
    QVERIFY(samePixels(slide->readLevelRegion(0, QRect(0, 0, 700, 530)), toImage(source)));
    QFile level0(folder + QStringLiteral("/level-0.dcm"));
    QVERIFY(level0.size() < qint64(4 * 5) * 128 * 128 * 3 + 8192); // 20 frames of 30 written
}

void TestDicom::truncatedInstanceReadsWhatIsThereAndNamesTheRest()
{
    for (const auto codec : {core::DicomFrameCodec::Jpeg, core::DicomFrameCodec::Uncompressed}) {
        const QString folder = writeSeries(
            m_dir.filePath(QStringLiteral("cut-") + core::DicomSeriesWriter::codecName(codec)), codec);
        const QString path = folder + QStringLiteral("/level-0.dcm");
        QFile file(path);
        QVERIFY(file.resize(file.size() * 6 / 10)); // a copy that stopped
        const core::SlidePtr slide = core::Slide::open(path);
        QVERIFY(!slide->property(QStringLiteral("dicom.level[0].missing-frames")).isEmpty());
        // The first row of frames is there; the last is not, and a read of it says so by name.
        QVERIFY(meanDifference(slide->readLevelRegion(0, QRect(0, 0, 128, 128)),
                               toImage(sourcePyramid().front()(cv::Rect(0, 0, 128, 128)))) < 5);
        const QString error = errorOf([&] { slide->readLevelRegion(0, QRect(0, 512, 128, 18)); });
        QVERIFY2(error.contains(path) && error.contains(QStringLiteral("truncated")), qPrintable(error));
        // The lower levels, in files of their own, are whole.
        QVERIFY(!slide->readLevelRegion(1, QRect(0, 0, 350, 265)).isNull());
    }
}

void TestDicom::missingInstanceLeavesTheOtherLevels()
{
    const QString folder =
        writeSeries(m_dir.filePath(QStringLiteral("missing")), core::DicomFrameCodec::Jpeg);
    const int whole = core::Slide::open(folder)->levelCount();
    QVERIFY(QFile::remove(folder + QStringLiteral("/level-1.dcm")));
    const core::SlidePtr slide = core::Slide::open(folder);
    QCOMPARE(slide->levelCount(), whole - 1);
    QCOMPARE(slide->levelSize(1), QSize(175, 132));
}

void TestDicom::unsupportedTransferSyntaxIsRefusedByName()
{
    const QString folder =
        writeSeries(m_dir.filePath(QStringLiteral("extended")), core::DicomFrameCodec::Jpeg);
    const QString path = folder + QStringLiteral("/level-0.dcm");
    // JPEG baseline's UID turned into JPEG extended's, byte for byte, in the file meta header.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    const qsizetype at = bytes.indexOf("1.2.840.10008.1.2.4.50");
    QVERIFY(at > 0 && at < 1024);
    bytes[at + 21] = '1';
    QVERIFY(file.seek(0) && file.write(bytes) == bytes.size());
    file.close();
    const QString error = errorOf([&] { core::Slide::open(path); });
    QVERIFY2(error.contains(path) &&
                 error.contains(QStringLiteral("1.2.840.10008.1.2.4.51 (JPEG extended")) &&
                 error.contains(QStringLiteral("not supported")),
             qPrintable(error));
}

void TestDicom::headerClaimingABillionFramesIsRefused()
{
    const QString folder =
        writeSeries(m_dir.filePath(QStringLiteral("billion")), core::DicomFrameCodec::Jpeg);
    const QString path = folder + QStringLiteral("/level-0.dcm");
    rewrite(path, [](gdcm::File& file) { setText(file.GetDataSet(), 0x0028, 0x0008, "IS", "1000000000"); });
    const QString error = errorOf([&] { core::Slide::open(path); });
    QVERIFY2(error.contains(path) && error.contains(QStringLiteral("1000000000 frames")), qPrintable(error));
}

void TestDicom::otherDicomObjectsAreRefusedByName()
{
    const QString folder = writeSeries(m_dir.filePath(QStringLiteral("ct")), core::DicomFrameCodec::Jpeg);
    const QString path = folder + QStringLiteral("/level-0.dcm");
    rewrite(path, [](gdcm::File& file) {
        setText(file.GetDataSet(), 0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.2"); // CT image
    });
    const QString error = errorOf([&] { core::Slide::open(path); });
    QVERIFY2(error.contains(path) && error.contains(QStringLiteral("1.2.840.10008.5.1.4.1.1.2")) &&
                 error.contains(QStringLiteral("not VL Whole Slide Microscopy")),
             qPrintable(error));
    // A folder with nothing to open says so.
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("empty"))));
    const QString empty = errorOf([&] { core::Slide::open(m_dir.filePath(QStringLiteral("empty"))); });
    QVERIFY2(empty.contains(QStringLiteral("holds no DICOM whole-slide series")), qPrintable(empty));
}

void TestDicom::aHeaderThatCrashesGdcmIsRefusedNotFatal()
{
    // Found by fuzz_slide: a damaged header on which Debian's GDCM fails an assertion (abort). The
    // structure check now names the damage before GDCM sees it; whatever it misses, GDCM reads in
    // tessera-dicom-check first, so an abort ends that helper, not this process.
    QVERIFY2(!core::findHelper(QStringLiteral("tessera-dicom-check")).isEmpty(), "the helper is not built");
    const QString folder = m_dir.filePath(QStringLiteral("gdcm-abort"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/damaged.dcm");
    QVERIFY(QFile::copy(
        QStringLiteral(TESSERA_SOURCE_DIR "/tests/fuzz/corpus/slide/found-gdcm-assert-in-meta.dcm"), path));
    const QString error = errorOf([&] { core::Slide::open(path); });
    QVERIFY2(error.contains(path) &&
                 error.contains(QStringLiteral("element (0040,0710) at byte 9366 claims 44 bytes")),
             qPrintable(error));
    // Beside a good series, it is left out and the series opens.
    writeSeries(m_dir.filePath(QStringLiteral("beside")), core::DicomFrameCodec::Jpeg);
    QVERIFY(QFile::copy(path, m_dir.filePath(QStringLiteral("beside/damaged.dcm"))));
    QCOMPARE(core::Slide::open(m_dir.filePath(QStringLiteral("beside")))->size(), QSize(700, 530));
}

QTEST_GUILESS_MAIN(TestDicom)
#include "tst_dicom.moc"
