// FeatureStore: HDF5 round trip, CLAM/SRMIL files written by h5py, damaged files refused.
#include "common/Error.h"
#include "features/FeatureStore.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace tessera;

namespace {

core::FeatureBag sampleBag(int n = 5, int d = 3)
{
    core::FeatureBag bag;
    bag.count = n;
    bag.dimension = d;
    for (int i = 0; i < n * d; ++i)
        bag.features.push_back(0.25f * float(i) - 1.0f);
    for (int i = 0; i < n; ++i) {
        bag.coords.push_back(256 * i);
        bag.coords.push_back(512 + 256 * (i % 2));
    }
    bag.patchSize = 256;
    bag.patchSizeLevel0 = 512;
    bag.patchLevel = 1;
    bag.magnification = 20;
    bag.extractor = QStringLiteral("handcrafted");
    bag.extractorVersion = QStringLiteral("1");
    return bag;
}

// Runs Debian's Python (with h5py); skips the test where it is missing.
QString python(const QString& script, const QStringList& args = {})
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"), QStringList{QStringLiteral("-c"), script} + args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return QStringLiteral("ERROR: ") + QString::fromUtf8(p.readAllStandardError());
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

bool havePythonH5py()
{
    return python(QStringLiteral("import h5py; print('ok')")) == QLatin1String("ok");
}

} // namespace

class TestFeatureStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void h5pyReadsTesseraFilesInClamLayout();
    void readsClamAndSrmilFilesWrittenByH5py();
    void damagedFilesAreRefusedWithTheirName();
    void writingToAMissingFolderLeavesNothing();

private:
    QTemporaryDir m_dir;
};

void TestFeatureStore::roundTrip()
{
    const QString path = m_dir.filePath(QStringLiteral("bag.h5"));
    core::FeatureBag bag = sampleBag();
    bag.ratios = {1.f, 0.5f, 0.75f, 1.f, 0.3f};
    core::FeatureStore::write(path, bag);
    const core::FeatureBag back = core::FeatureStore::read(path);
    QCOMPARE(back.count, 5);
    QCOMPARE(back.dimension, 3);
    QCOMPARE(back.features, bag.features);
    QCOMPARE(back.coords, bag.coords);
    QCOMPARE(back.ratios, bag.ratios);
    QCOMPARE(back.patchSize, 256);
    QCOMPARE(back.patchSizeLevel0, 512);
    QCOMPARE(back.patchLevel, 1);
    QCOMPARE(back.magnification, 20.0);
    QCOMPARE(back.extractor, QStringLiteral("handcrafted"));
    QCOMPARE(back.layout, QStringLiteral("clam"));
    QVERIFY(core::FeatureStore::isComplete(path, QStringLiteral("handcrafted")));
    QVERIFY(!core::FeatureStore::isComplete(path, QStringLiteral("torchscript:other.pt")));
    // Same bag, same bytes (no timestamps inside).
    const QString again = m_dir.filePath(QStringLiteral("again.h5"));
    core::FeatureStore::write(again, bag);
    QFile a(path), b(again);
    a.open(QIODevice::ReadOnly);
    b.open(QIODevice::ReadOnly);
    QCOMPARE(a.readAll(), b.readAll());
}

void TestFeatureStore::h5pyReadsTesseraFilesInClamLayout()
{
    if (!havePythonH5py())
        QSKIP("Debian's python3-h5py is not installed");
    const QString path = m_dir.filePath(QStringLiteral("for-python.h5"));
    core::FeatureStore::write(path, sampleBag());
    const QString out = python(QStringLiteral(R"(
import sys, h5py
f = h5py.File(sys.argv[1], 'r')
x, c = f['features'], f['coords']
print(x.shape, x.dtype, c.shape, c.dtype, int(c[3][0]), int(c[3][1]), float(x[1][2]), int(f.attrs['patch_size']), int(f.attrs['patch_level']))
)"),
                               {path});
    QCOMPARE(out, QStringLiteral("(5, 3) float32 (5, 2) int64 768 768 0.25 256 1"));
}

void TestFeatureStore::readsClamAndSrmilFilesWrittenByH5py()
{
    if (!havePythonH5py())
        QSKIP("Debian's python3-h5py is not installed");
    const QString clam = m_dir.filePath(QStringLiteral("clam.h5"));
    const QString srmil = m_dir.filePath(QStringLiteral("srmil.h5"));
    const QString out = python(QStringLiteral(R"(
import sys, h5py, numpy as np
with h5py.File(sys.argv[1], 'w') as f:   # CLAM's create_patches_fp + extract_features_fp
    f.create_dataset('features', data=np.arange(8, dtype=np.float32).reshape(4, 2))
    c = f.create_dataset('coords', data=np.array([[0, 0], [512, 0], [0, 512], [512, 512]], dtype=np.int32))
    c.attrs['patch_level'] = 0
    c.attrs['patch_size'] = 512
with h5py.File(sys.argv[2], 'w') as f:   # SRMIL preprocessing
    f.create_dataset('feats', data=np.ones((3, 4), dtype=np.float64) * 0.5)
    f.create_dataset('cords', data=np.array([[1, 2], [3, 4], [5, 6]], dtype=np.int64))
    f.create_dataset('ratios', data=np.array([1.0, 0.5, 0.25]))
    f.create_dataset('label', data=np.array([1]))
print('ok')
)"),
                               {clam, srmil});
    QCOMPARE(out, QStringLiteral("ok"));
    const core::FeatureBag a = core::FeatureStore::read(clam);
    QCOMPARE(a.count, 4);
    QCOMPARE(a.dimension, 2);
    QCOMPARE(a.features[5], 5.0f);
    QCOMPARE(a.coords, (std::vector<std::int64_t>{0, 0, 512, 0, 0, 512, 512, 512}));
    QCOMPARE(a.layout, QStringLiteral("clam"));
    QVERIFY(!core::FeatureStore::isComplete(clam, QStringLiteral("handcrafted"))); // not Tessera's
    const core::FeatureBag b = core::FeatureStore::read(srmil);
    QCOMPARE(b.layout, QStringLiteral("srmil"));
    QCOMPARE(b.count, 3);
    QCOMPARE(b.features[11], 0.5f);
    QCOMPARE(b.coords[5], std::int64_t(6));
    QCOMPARE(b.ratios, (std::vector<float>{1.f, 0.5f, 0.25f}));
    QCOMPARE(b.label.value_or(-1), 1);
}

void TestFeatureStore::damagedFilesAreRefusedWithTheirName()
{
    const QString good = m_dir.filePath(QStringLiteral("good.h5"));
    core::FeatureStore::write(good, sampleBag(200, 64));
    QFile source(good);
    source.open(QIODevice::ReadOnly);
    const QByteArray bytes = source.readAll();

    const QString truncated = m_dir.filePath(QStringLiteral("truncated.h5"));
    QFile t(truncated);
    t.open(QIODevice::WriteOnly);
    t.write(bytes.left(bytes.size() / 2));
    t.close();
    const QString text = m_dir.filePath(QStringLiteral("text.h5"));
    QFile x(text);
    x.open(QIODevice::WriteOnly);
    x.write("slide_id,label\n");
    x.close();
    for (const QString& path : {truncated, text, m_dir.filePath(QStringLiteral("missing.h5"))}) {
        QVERIFY(!core::FeatureStore::isComplete(path, QStringLiteral("handcrafted")));
        try {
            core::FeatureStore::read(path);
            QFAIL(qPrintable(QStringLiteral("read %1").arg(path)));
        } catch (const core::Error& e) {
            QVERIFY2(e.message().contains(path), qPrintable(e.message()));
        }
    }

    core::FeatureBag withNan = sampleBag();
    withNan.features[4] = std::numeric_limits<float>::quiet_NaN();
    const QString nan = m_dir.filePath(QStringLiteral("nan.h5"));
    core::FeatureStore::write(nan, withNan);
    try {
        core::FeatureStore::read(nan);
        QFAIL("NaN features were accepted");
    } catch (const core::Error& e) {
        QVERIFY2(e.message().contains(QLatin1String("non-finite")) &&
                     e.message().contains(QLatin1String("patch 1")),
                 qPrintable(e.message()));
    }
}

void TestFeatureStore::writingToAMissingFolderLeavesNothing()
{
    const QString path = m_dir.filePath(QStringLiteral("no/such/folder/bag.h5"));
    QVERIFY_THROWS_EXCEPTION(core::Error, core::FeatureStore::write(path, sampleBag()));
    QVERIFY(!QFile::exists(path));
    core::FeatureBag empty;
    QVERIFY_THROWS_EXCEPTION(core::Error,
                             core::FeatureStore::write(m_dir.filePath(QStringLiteral("empty.h5")), empty));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("empty.h5"))));
}

QTEST_GUILESS_MAIN(TestFeatureStore)
#include "tst_featurestore.moc"
