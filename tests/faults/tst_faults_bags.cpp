// Fault suite, feature bags and results: damaged, foreign or degenerate bags are refused naming the
// file and the reason (or, for one patch, predicted); stored results from another slide, another
// run or a damaged file are never shown: they are recomputed and replaced atomically.
#include "common/Error.h"
#include "features/ExtractionPipeline.h"
#include "features/FeatureStore.h"
#include "features/HandcraftedExtractor.h"
#include "infer/Predictor.h"
#include "infer/SlideInference.h"
#include "support/ErrorMessage.h"
#include "support/FileBytes.h"
#include "support/ProcessStatus.h"
#include "support/TestSlides.h"
#include "train/Dataset.h"
#include "train/Trainer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <hdf5.h>
#include <sys/resource.h>

#include <cmath>
#include <functional>
#include <limits>
#include <random>

using namespace tessera;
using namespace tessera::core;

namespace {

const QString kHdf5CrashFile =
    QStringLiteral(TESSERA_SOURCE_DIR "/tests/fuzz/known-crashes/features/hdf5-1.10.8-symbol-table-segv.h5");

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// An HDF5 file with float datasets of the given names and shapes (what other tools might write).
QString writeH5(const QString& path,
                const std::vector<std::pair<const char*, std::vector<hsize_t>>>& datasets)
{
    const hid_t file = H5Fcreate(path.toUtf8().constData(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    for (const auto& [name, shape] : datasets) {
        const hid_t space = H5Screate_simple(int(shape.size()), shape.data(), nullptr);
        const hid_t set =
            H5Dcreate2(file, name, H5T_IEEE_F32LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
        std::size_t n = 1;
        for (hsize_t d : shape)
            n *= std::size_t(d);
        const std::vector<float> zeros(std::max<std::size_t>(n, 1), 0.25f);
        if (n > 0)
            H5Dwrite(set, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, zeros.data());
        H5Dclose(set);
        H5Sclose(space);
    }
    H5Fclose(file);
    return path;
}

} // namespace

class TestFaultsBags : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void damagedBagsAreRefusedNamingTheFile_data();
    void damagedBagsAreRefusedNamingTheFile();
    void emptyOrInconsistentBagsAreNeverWritten();
    void mixedDimensionsStopTrainingAndPrediction();
    void aSinglePatchBagIsPredicted();
    void featuresOfAnotherSlideAreRefused();
    void resultsOfAnotherSlideRunOrDamagedAreRecomputed_data();
    void resultsOfAnotherSlideRunOrDamagedAreRecomputed();
    void aBagTooLargeForTheMemoryLimitIsNamed();

private:
    QString inferOnce(const QString& runDir, const QString& slide, SlideInferenceResult* out = nullptr);

    QTemporaryDir m_dir;
    QString m_project, m_run, m_otherRun, m_tumourSlide, m_normalSlide, m_goodBag;
};

void TestFaultsBags::initTestCase()
{
    // Two small synthetic slides, their handcrafted features, and two tiny SR-MIL runs.
    SynthSpec normalSpec = test::smallTumourSpec();
    normalSpec.tumourCount = 0;
    normalSpec.seed = 8;
    m_tumourSlide = test::smallTumourSlide();
    m_normalSlide = test::synthSlide(normalSpec, QStringLiteral("small-normal"));
    m_project = m_dir.filePath(QStringLiteral("project"));
    const QString features = QDir(m_project).filePath(QStringLiteral("features"));
    HandcraftedExtractor extractor;
    for (const QString& slide : {m_tumourSlide, m_normalSlide})
        ExtractionPipeline(extractor, {}).run(slide, features);
    m_goodBag = SlideInference::featuresPath(m_project, m_tumourSlide);
    const QString labels =
        tessera::test::writeBytes(m_dir.filePath(QStringLiteral("labels.csv")),
                                  "slide_id,label\nsmall-tumour,tumour\nsmall-normal,normal\n");
    Split split;
    split.train = split.val = {QStringLiteral("small-tumour"), QStringLiteral("small-normal")};
    const MilDataset data = MilDataset::load(features, LabelTable::readCsv(labels), split);
    TrainConfig config;
    config.epochs = 1;
    m_run = QDir(m_project).filePath(QStringLiteral("runs/a"));
    m_otherRun = QDir(m_project).filePath(QStringLiteral("runs/b"));
    Trainer(config, data, m_run).run();
    config.seed = 2;
    Trainer(config, data, m_otherRun).run();
}

void TestFaultsBags::damagedBagsAreRefusedNamingTheFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    const QByteArray good = readAll(m_goodBag);
    QTest::newRow("truncated at 50 %")
        << tessera::test::writeBytes(m_dir.filePath(QStringLiteral("half.h5")), good.left(good.size() / 2))
        << QStringLiteral("features");
    QTest::newRow("a text file named .h5")
        << tessera::test::writeBytes(m_dir.filePath(QStringLiteral("text.h5")), "slide_id,label\n")
        << QStringLiteral("features");
    QTest::newRow("a missing bag") << m_dir.filePath(QStringLiteral("missing.h5"))
                                   << QStringLiteral("features");
    QTest::newRow("a wrong dataset name")
        << writeH5(m_dir.filePath(QStringLiteral("named.h5")), {{"embeddings", {4, 8}}, {"coords", {4, 2}}})
        << QStringLiteral("has no 'features' (CLAM) or 'feats' (SRMIL) dataset");
    QTest::newRow("zero patches") << writeH5(m_dir.filePath(QStringLiteral("zero.h5")),
                                             {{"features", {0, 8}}, {"coords", {0, 2}}})
                                  << QStringLiteral("must be a non-empty N × D matrix");
    QTest::newRow("a vector, not a matrix")
        << writeH5(m_dir.filePath(QStringLiteral("vector.h5")), {{"features", {8}}, {"coords", {8, 2}}})
        << QStringLiteral("must be a non-empty N × D matrix");
    QTest::newRow("no coordinates") << writeH5(m_dir.filePath(QStringLiteral("nocoords.h5")),
                                               {{"features", {4, 8}}})
                                    << QStringLiteral("no N × 2 'coords' dataset");
    QTest::newRow("rows and coordinates disagree")
        << writeH5(m_dir.filePath(QStringLiteral("rows.h5")), {{"features", {4, 8}}, {"coords", {5, 2}}})
        << QStringLiteral("4 feature rows but 5 coordinates");
    for (const auto& [name, value] : {std::pair{"NaN", std::numeric_limits<float>::quiet_NaN()},
                                      std::pair{"Inf", -std::numeric_limits<float>::infinity()}}) {
        FeatureBag bag = FeatureStore::read(m_goodBag);
        bag.features[std::size_t(bag.dimension) * 2 + 1] = value;
        const QString path = m_dir.filePath(QStringLiteral("%1.h5").arg(QLatin1String(name)));
        // Written past the writer's own checks, as a buggy tool might.
        QFile::remove(path);
        const hid_t file = H5Fcreate(path.toUtf8().constData(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
        const hsize_t fshape[2] = {hsize_t(bag.count), hsize_t(bag.dimension)};
        const hsize_t cshape[2] = {hsize_t(bag.count), 2};
        const hid_t fspace = H5Screate_simple(2, fshape, nullptr),
                    cspace = H5Screate_simple(2, cshape, nullptr);
        const hid_t fset =
            H5Dcreate2(file, "features", H5T_IEEE_F32LE, fspace, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
        const hid_t cset =
            H5Dcreate2(file, "coords", H5T_STD_I64LE, cspace, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
        H5Dwrite(fset, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, bag.features.data());
        H5Dwrite(cset, H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, bag.coords.data());
        H5Dclose(fset);
        H5Dclose(cset);
        H5Sclose(fspace);
        H5Sclose(cspace);
        H5Fclose(file);
        QTest::newRow(name) << path << QStringLiteral("non-finite feature value (NaN or Inf) in patch 2");
    }
    // Found by fuzz_features: libhdf5 1.10.8 itself reads past a buffer on this file. Read in this
    // process it kills the test; contained, it is an Error and the test goes on.
    QTest::newRow("a file that crashes libhdf5 itself")
        << tessera::test::writeBytes(m_dir.filePath(QStringLiteral("crashes-hdf5.h5")),
                                     readAll(kHdf5CrashFile))
        << QStringLiteral("damaged in a way that crashes the HDF5 library (a trial read by "
                          "tessera-hdf5-check was");
}

void TestFaultsBags::damagedBagsAreRefusedNamingTheFile()
{
    QFETCH(QString, path);
    QFETCH(QString, reason);
    const QString message = test::errorMessageOf([&] { FeatureStore::read(path); });
    QVERIFY2(message.contains(path) && message.contains(reason), qPrintable(message));
    // Extraction's reuse check neither trusts nor crashes on it: the bag is made again.
    QVERIFY(!FeatureStore::isComplete(path, QStringLiteral("handcrafted")));
}

void TestFaultsBags::emptyOrInconsistentBagsAreNeverWritten()
{
    const QString empty = m_dir.filePath(QStringLiteral("written-empty.h5"));
    QVERIFY(test::errorMessageOf([&] {
                FeatureStore::write(empty, FeatureBag{});
            }).contains(QLatin1String("the bag is empty")));
    FeatureBag odd = FeatureStore::read(m_goodBag);
    odd.coords.pop_back();
    const QString inconsistent = m_dir.filePath(QStringLiteral("written-odd.h5"));
    QVERIFY(test::errorMessageOf([&] {
                FeatureStore::write(inconsistent, odd);
            }).contains(QLatin1String("do not match")));
    QVERIFY(!QFile::exists(empty));
    QVERIFY(!QFile::exists(inconsistent));
    const QStringList leftovers = QDir(m_dir.path()).entryList({QStringLiteral("written-*")}, QDir::Files);
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));
}

void TestFaultsBags::mixedDimensionsStopTrainingAndPrediction()
{
    const QString dir = m_dir.filePath(QStringLiteral("mixed"));
    QDir().mkpath(dir);
    FeatureBag bag = FeatureStore::read(m_goodBag);
    FeatureStore::write(dir + QStringLiteral("/wide.h5"), bag);
    FeatureBag narrow = bag;
    narrow.dimension = 4;
    narrow.features.resize(std::size_t(narrow.count) * 4);
    FeatureStore::write(dir + QStringLiteral("/narrow.h5"), narrow);
    const QString labels = tessera::test::writeBytes(m_dir.filePath(QStringLiteral("mixed.csv")),
                                                     "slide_id,label\nwide,a\nnarrow,b\n");
    Split split;
    split.train = split.val = {QStringLiteral("wide"), QStringLiteral("narrow")};
    const QString training =
        test::errorMessageOf([&] { MilDataset::load(dir, LabelTable::readCsv(labels), split); });
    QVERIFY2(training.contains(QLatin1String("feature dimensions differ")) &&
                 training.contains(QLatin1String("D = 4")),
             qPrintable(training));
    const Predictor predictor(m_run, QStringLiteral("cpu"));
    const QString prediction =
        test::errorMessageOf([&] { predictor.predict(narrow, dir + QStringLiteral("/narrow.h5")); });
    QVERIFY2(prediction.contains(QLatin1String("narrow.h5 has 4-dimensional features")),
             qPrintable(prediction));
}

void TestFaultsBags::aSinglePatchBagIsPredicted()
{
    FeatureBag one = FeatureStore::read(m_goodBag);
    one.count = 1;
    one.features.resize(std::size_t(one.dimension));
    one.coords.resize(2);
    const QString path = m_dir.filePath(QStringLiteral("one.h5"));
    FeatureStore::write(path, one);
    const Prediction p = Predictor(m_run, QStringLiteral("cpu")).predict(FeatureStore::read(path), path);
    QCOMPARE(p.attention.size(), std::size_t(1));
    QCOMPARE(p.attention[0], 1.0f);
    QCOMPARE(p.probabilities.size(), std::size_t(2));
    QVERIFY(std::isfinite(p.probabilities[0]) &&
            std::abs(p.probabilities[0] + p.probabilities[1] - 1) < 1e-5);
}

QString TestFaultsBags::inferOnce(const QString& runDir, const QString& slide, SlideInferenceResult* out)
{
    SlideInferenceOptions options;
    options.projectDir = m_project;
    options.device = QStringLiteral("cpu");
    return test::errorMessageOf([&] {
        const SlideInferenceResult r = SlideInference(runDir, options).run(slide);
        if (out)
            *out = r;
    });
}

// Features of a bigger slide copied under this slide's name: a confident prediction and a heatmap
// off the tissue if accepted.
void TestFaultsBags::featuresOfAnotherSlideAreRefused()
{
    QTemporaryDir other;
    const QString slide = QDir(other.path()).filePath(QStringLiteral("small-tumour.tiff"));
    QVERIFY(QFile::copy(m_tumourSlide, slide));
    const QString features = SlideInference::featuresPath(m_project, slide);
    const QByteArray kept = readAll(features);
    FeatureBag shifted = FeatureStore::read(features);
    const QSize size = Slide::open(slide)->size();
    shifted.coords[2 * std::size_t(shifted.count - 1)] = size.width() + 512;
    FeatureStore::write(features, shifted);
    SlideInferenceOptions options;
    options.projectDir = m_project;
    const QString results = SlideInference(m_run, options).resultsPath(slide);
    QFile::remove(results);
    const QString message = inferOnce(m_run, slide);
    tessera::test::writeBytes(features, kept); // restore for the other cases
    QVERIFY2(message.contains(features) && message.contains(QLatin1String("outside the slide")) &&
                 message.contains(QLatin1String("features of another slide?")),
             qPrintable(message));
    QVERIFY2(!QFile::exists(results), "a prediction was stored for features that do not fit the slide");
}

void TestFaultsBags::resultsOfAnotherSlideRunOrDamagedAreRecomputed_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("results of another slide") << QStringLiteral("slide");
    QTest::newRow("results of another run") << QStringLiteral("run");
    QTest::newRow("a truncated results file") << QStringLiteral("truncated");
    QTest::newRow("a results file that crashes libhdf5") << QStringLiteral("crash");
    QTest::newRow("results stored before the evidence map") << QStringLiteral("no evidence");
}

void TestFaultsBags::resultsOfAnotherSlideRunOrDamagedAreRecomputed()
{
    QFETCH(QString, fault);
    SlideInferenceResult normal, tumour;
    QCOMPARE(inferOnce(m_run, m_normalSlide, &normal), QString());
    QCOMPARE(inferOnce(m_run, m_tumourSlide, &tumour), QString());
    QCOMPARE(normal.prediction.slide, QFileInfo(m_normalSlide).fileName());
    const QString target = normal.resultsPath;
    QByteArray planted;
    if (fault == QLatin1String("slide")) {
        planted = readAll(tumour.resultsPath);
    } else if (fault == QLatin1String("run")) {
        SlideInferenceResult other;
        QCOMPARE(inferOnce(m_otherRun, m_normalSlide, &other), QString());
        planted = readAll(other.resultsPath);
    } else if (fault == QLatin1String("crash")) {
        planted = readAll(kHdf5CrashFile);
    } else if (fault == QLatin1String("no evidence")) {
        Prediction old = Prediction::read(target); // this slide's, from this run, as older Tessera wrote it
        QVERIFY(!old.evidence.empty());
        old.evidence.clear();
        old.evidenceClass = -1;
        const QString path = m_dir.filePath(QStringLiteral("old-results.h5"));
        old.write(path);
        planted = readAll(path);
    } else {
        planted = readAll(target).left(700);
    }
    QTest::qWait(1100); // newer than the features and weights, so only its content can betray it
    tessera::test::writeBytes(target, planted);
    SlideInferenceResult again;
    QCOMPARE(inferOnce(m_run, m_normalSlide, &again), QString());
    QVERIFY2(!again.reusedResults, "stored results that are not this slide's or this run's were shown");
    QCOMPARE(again.prediction.probabilities, normal.prediction.probabilities);
    QCOMPARE(again.prediction.attention, normal.prediction.attention);
    const Prediction stored = Prediction::read(target); // replaced by this slide's, from this run
    QCOMPARE(stored.slide, QFileInfo(m_normalSlide).fileName());
    QCOMPARE(QFileInfo(stored.run).absoluteFilePath(), QFileInfo(m_run).absoluteFilePath());
    QCOMPARE(stored.attention, normal.prediction.attention);
    QCOMPARE(stored.evidence, normal.prediction.evidence);
    SlideInferenceResult reused;
    QCOMPARE(inferOnce(m_run, m_normalSlide, &reused), QString());
    QVERIFY(reused.reusedResults); // and once right, it is reused
}

namespace {

// Runs `f` with the address space capped `headroom` bytes above its present size: a memory limit
// (ulimit -v) the bag's step cannot fit in, while what is already mapped keeps working.
// The main thread's stack grows on demand inside the same address space: grow it first, or the
// cap turns a deep call into SIGSEGV instead of a failed allocation.
[[gnu::noinline]] void growStack()
{
    volatile char pages[2 << 20];
    for (std::size_t i = 0; i < sizeof(pages); i += 4096)
        pages[i] = 1;
}

QString underMemoryLimit(qint64 headroom, const std::function<void()>& f)
{
    growStack();
    rlimit saved{};
    getrlimit(RLIMIT_AS, &saved);
    rlimit capped = saved;
    capped.rlim_cur = rlim_t(test::procStatusBytes("VmSize:") + headroom);
    setrlimit(RLIMIT_AS, &capped);
    const QString message = test::errorMessageOf(f);
    setrlimit(RLIMIT_AS, &saved);
    return message;
}

} // namespace

// A bag whose step needs more memory than the process may have: an Error naming the bag, its size
// and what needs less memory, never std::bad_alloc or a silent kill. (A kill by the kernel's OOM
// killer cannot be caught; the job monitor reports that one as "killed, out of memory or crashed".)
void TestFaultsBags::aBagTooLargeForTheMemoryLimitIsNamed()
{
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer reserves terabytes of address space: an address-space cap cannot apply");
#endif
    FeatureBag big;
    big.count = 40000;
    big.dimension = 64;
    big.patchSizeLevel0 = 256;
    std::mt19937 rng(3);
    std::normal_distribution<float> normal;
    big.features.resize(std::size_t(big.count) * big.dimension);
    for (float& x : big.features)
        x = normal(rng);
    for (int i = 0; i < big.count; ++i)
        big.coords.insert(big.coords.end(), {std::int64_t(i % 200) * 256, std::int64_t(i / 200) * 256});
    FeatureBag small = FeatureStore::read(m_goodBag);

    // Prediction (the small bag first, so thread pools and BLAS buffers exist before the cap).
    const Predictor predictor(m_run, QStringLiteral("cpu"));
    FeatureBag wide = big;
    wide.dimension = small.dimension;
    wide.features.assign(std::size_t(wide.count) * wide.dimension, 0.5f);
    predictor.predict(small);
    const QString predicting =
        underMemoryLimit(128 << 20, [&] { predictor.predict(wide, QStringLiteral("huge.h5")); });
    QVERIFY2(predicting.contains(QLatin1String("Out of memory predicting huge.h5")) &&
                 predicting.contains(QLatin1String("40000 patches")) &&
                 predicting.contains(QLatin1String("GPU")),
             qPrintable(predicting));
    QVERIFY(std::isfinite(predictor.predict(small).probabilities[0])); // and it goes on working after

    // Training: the same for the slide whose step does not fit.
    const QString dir = m_dir.filePath(QStringLiteral("memory"));
    QDir().mkpath(dir);
    FeatureStore::write(dir + QStringLiteral("/huge.h5"), big);
    small.dimension = 64;
    small.features.assign(std::size_t(small.count) * 64, 0.25f);
    FeatureStore::write(dir + QStringLiteral("/small.h5"), small);
    const QString labels = tessera::test::writeBytes(m_dir.filePath(QStringLiteral("memory.csv")),
                                                     "slide_id,label\nsmall,a\nhuge,b\n");
    Split split;
    split.train = split.val = {QStringLiteral("small"), QStringLiteral("huge")};
    const MilDataset data = MilDataset::load(dir, LabelTable::readCsv(labels), split);
    TrainConfig config;
    config.epochs = 1;
    const QString training =
        underMemoryLimit(128 << 20, [&] { Trainer(config, data, dir + QStringLiteral("/run")).run(); });
    QVERIFY2(training.contains(QLatin1String("Out of memory")) &&
                 training.contains(QLatin1String(" huge: the bag has")) &&
                 training.contains(QStringLiteral("40000 patches × 64 features")) &&
                 training.contains(QLatin1String("bf16")),
             qPrintable(training));
}

QTEST_GUILESS_MAIN(TestFaultsBags)
#include "tst_faults_bags.moc"
