// Extractors: handcrafted features are deterministic and separate tumour from normal tissue;
// TorchScript encoders are validated on load and compute what the model says.
#include "common/Error.h"
#include "features/ExtractionPipeline.h"
#include "features/ExtractorRegistry.h"
#include "features/FeatureStore.h"
#include "features/HandcraftedExtractor.h"
#include "features/TorchScriptExtractor.h"
#include "support/TestSlides.h"
#include "support/TinyTorchScript.h"
#include "synth/GroundTruth.h"

#include <QTemporaryDir>
#include <QtTest>

#include <numeric>
#include <random>

using namespace tessera;

namespace {

// Area under the ROC curve by ranks (ties get half credit).
double auc(const std::vector<double>& scores, const std::vector<int>& labels)
{
    double positive = 0, negative = 0, wins = 0;
    for (std::size_t i = 0; i < scores.size(); ++i)
        for (std::size_t j = 0; j < scores.size(); ++j)
            if (labels[i] == 1 && labels[j] == 0)
                wins += scores[i] > scores[j] ? 1.0 : scores[i] == scores[j] ? 0.5 : 0.0;
    for (int l : labels)
        (l ? positive : negative) += 1;
    return wins / (positive * negative);
}

// L2-regularized logistic regression by full-batch gradient descent on standardized inputs.
std::vector<double> fitLogistic(const std::vector<std::vector<double>>& x, const std::vector<int>& y)
{
    const std::size_t d = x[0].size();
    std::vector<double> w(d + 1, 0.0);
    for (int step = 0; step < 400; ++step) {
        std::vector<double> grad(d + 1, 0.0);
        for (std::size_t i = 0; i < x.size(); ++i) {
            double z = w[d];
            for (std::size_t k = 0; k < d; ++k)
                z += w[k] * x[i][k];
            const double err = 1.0 / (1.0 + std::exp(-z)) - y[i];
            for (std::size_t k = 0; k < d; ++k)
                grad[k] += err * x[i][k];
            grad[d] += err;
        }
        for (std::size_t k = 0; k <= d; ++k)
            w[k] -= 0.5 * (grad[k] / double(x.size()) + (k < d ? 1e-3 * w[k] : 0.0));
    }
    return w;
}

cv::Mat flatPatch(cv::Scalar rgb)
{
    return cv::Mat(256, 256, CV_8UC3, rgb);
}

} // namespace

class TestFeatures : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void handcraftedIsDeterministicAndFinite();
    void handcraftedSeparatesTumourFromNormal();
    void torchScriptComputesTheModel();
    void torchScriptWithWrongOutputShapeIsRefusedOnLoad();
    void torchScriptWithWrongInputIsRefusedOnLoad();
    void unknownExtractorIsAnError();

private:
    QTemporaryDir m_dir;
};

void TestFeatures::handcraftedIsDeterministicAndFinite()
{
    core::HandcraftedExtractor extractor;
    QCOMPARE(extractor.dimension(), 128);
    const core::SlidePtr slide = core::Slide::open(test::smallTumourSlide());
    const QImage region =
        slide->readRegion({1000, 900}, 0, {256, 256}).convertToFormat(QImage::Format_RGB888);
    const cv::Mat patch(256, 256, CV_8UC3, const_cast<uchar*>(region.constBits()),
                        size_t(region.bytesPerLine()));
    std::vector<float> a(128), b(128);
    extractor.extract({patch.clone()}, a.data());
    extractor.extract({patch.clone()}, b.data());
    QCOMPARE(a, b);
    // Flat white, black and pink patches give finite values and differ from each other.
    std::vector<float> white(128), black(128), pink(128);
    extractor.extract({flatPatch({255, 255, 255})}, white.data());
    extractor.extract({flatPatch({0, 0, 0})}, black.data());
    extractor.extract({flatPatch({232, 158, 192})}, pink.data());
    for (const auto* v : {&white, &black, &pink})
        QVERIFY(std::all_of(v->begin(), v->end(), [](float f) { return std::isfinite(f); }));
    QVERIFY(white != black && white != pink);
    // Haematoxylin mean (feature 0) is higher for a purple nucleus colour than for pink stroma.
    std::vector<float> purple(128);
    extractor.extract({flatPatch({70, 30, 110})}, purple.data());
    QVERIFY(purple[0] > pink[0] + 0.3f);
}

void TestFeatures::handcraftedSeparatesTumourFromNormal()
{
    core::SynthSpec spec;
    spec.width = 16000;
    spec.height = 12000;
    spec.seed = 99;
    spec.tumourCount = 3;
    spec.tissuePieces = 3;
    const QString slidePath = test::synthSlide(spec, QStringLiteral("probe.tiff"));
    core::HandcraftedExtractor extractor;
    core::ExtractionOptions options;
    options.grid.patchSize = 128;
    options.grid.minTissueFraction = 0.5;
    const core::SlideExtraction run =
        core::ExtractionPipeline(extractor, options).run(slidePath, m_dir.path());
    const core::FeatureBag bag = core::FeatureStore::read(run.output);

    // Ground truth per patch: tumour if ≥ 50 % tumour, normal if none; border patches are left out.
    const QString maskPath = core::GroundTruthPaths::forSlide(slidePath).mask;
    const QImage mask(maskPath);
    const int ds = core::GroundTruth::maskDownsample(mask, maskPath);
    std::vector<std::vector<double>> x;
    std::vector<int> y;
    for (int i = 0; i < bag.count; ++i) {
        int tumour = 0, total = 0;
        for (int my = int(bag.coords[2 * i + 1]) / ds; my < int(bag.coords[2 * i + 1] + 128) / ds; ++my)
            for (int mx = int(bag.coords[2 * i]) / ds; mx < int(bag.coords[2 * i] + 128) / ds; ++mx) {
                tumour += qGray(mask.pixel(mx, my)) == 255;
                ++total;
            }
        const double fraction = double(tumour) / total;
        if (fraction > 0 && fraction < 0.5)
            continue;
        x.emplace_back(bag.row(i), bag.row(i) + bag.dimension);
        y.push_back(fraction >= 0.5);
    }
    const int positives = std::accumulate(y.begin(), y.end(), 0);
    qInfo("%zu labelled patches, %d tumour", y.size(), positives);
    QVERIFY(positives >= 50 && positives < int(y.size()) - 50);

    // Held-out split (seeded), standardized with training statistics only.
    std::vector<std::size_t> order(y.size());
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), std::mt19937(5));
    const std::size_t half = order.size() / 2;
    const std::size_t d = x[0].size();
    std::vector<double> mean(d, 0), sd(d, 0);
    for (std::size_t k = 0; k < half; ++k)
        for (std::size_t j = 0; j < d; ++j)
            mean[j] += x[order[k]][j] / double(half);
    for (std::size_t k = 0; k < half; ++k)
        for (std::size_t j = 0; j < d; ++j)
            sd[j] += std::pow(x[order[k]][j] - mean[j], 2) / double(half);
    auto standardize = [&](const std::vector<double>& v) {
        std::vector<double> s(d);
        for (std::size_t j = 0; j < d; ++j)
            s[j] = (v[j] - mean[j]) / (std::sqrt(sd[j]) + 1e-6);
        return s;
    };
    std::vector<std::vector<double>> trainX, testX;
    std::vector<int> trainY, testY;
    for (std::size_t k = 0; k < order.size(); ++k) {
        (k < half ? trainX : testX).push_back(standardize(x[order[k]]));
        (k < half ? trainY : testY).push_back(y[order[k]]);
    }
    const std::vector<double> w = fitLogistic(trainX, trainY);
    std::vector<double> scores;
    for (const auto& v : testX)
        scores.push_back(std::inner_product(v.begin(), v.end(), w.begin(), w[d]));
    const double testAuc = auc(scores, testY);
    qInfo("linear probe held-out AUC %.4f", testAuc);
    QVERIFY(testAuc >= 0.9);
}

void TestFeatures::torchScriptComputesTheModel()
{
    const QString path = m_dir.filePath(QStringLiteral("means.pt"));
    test::writeChannelMeanEncoder(path);
    core::TorchScriptOptions options;
    options.device = QStringLiteral("cpu");
    options.inputSize = 64;
    options.mean = {0.5f, 0.5f, 0.5f};
    options.std = {0.5f, 0.5f, 0.5f};
    core::TorchScriptExtractor extractor(path, options);
    QCOMPARE(extractor.dimension(), 4);
    QVERIFY(extractor.name().contains(QLatin1String("means.pt")));
    std::vector<float> out(8);
    extractor.extract({flatPatch({255, 0, 51}), flatPatch({0, 255, 255})}, out.data());
    // (v / 255 − 0.5) / 0.5 per channel, then the channel sum.
    const std::vector<float> expected{1.f, -1.f, -0.6f, -0.6f, -1.f, 1.f, 1.f, 1.f};
    for (int i = 0; i < 8; ++i)
        QVERIFY2(std::abs(out[std::size_t(i)] - expected[std::size_t(i)]) < 1e-5,
                 qPrintable(QString::number(out[std::size_t(i)])));
}

void TestFeatures::torchScriptWithWrongOutputShapeIsRefusedOnLoad()
{
    const QString path = m_dir.filePath(QStringLiteral("identity.pt"));
    test::writeIdentityModel(path);
    try {
        core::TorchScriptExtractor extractor(path, {QStringLiteral("cpu"), 32});
        QFAIL("a model returning images was accepted as an encoder");
    } catch (const core::Error& e) {
        QVERIFY2(e.message().contains(QLatin1String("[2, 3, 32, 32]")) &&
                     e.message().contains(QLatin1String("expected [2, D]")),
                 qPrintable(e.message()));
    }
}

void TestFeatures::torchScriptWithWrongInputIsRefusedOnLoad()
{
    const QString path = m_dir.filePath(QStringLiteral("wrong-input.pt"));
    test::writeWrongInputModel(path);
    try {
        core::TorchScriptExtractor extractor(path, {QStringLiteral("cpu"), 32});
        QFAIL("a model that cannot take images was accepted");
    } catch (const core::Error& e) {
        QVERIFY2(e.message().contains(QLatin1String("does not accept a [2, 3, 32, 32]")),
                 qPrintable(e.message()));
    }
    // Not TorchScript at all.
    QFile junk(m_dir.filePath(QStringLiteral("junk.pt")));
    junk.open(QIODevice::WriteOnly);
    junk.write("not a model");
    junk.close();
    QVERIFY_THROWS_EXCEPTION(core::Error,
                             core::TorchScriptExtractor(junk.fileName(), {QStringLiteral("cpu"), 32}));
}

void TestFeatures::unknownExtractorIsAnError()
{
    const QString model = m_dir.filePath(QStringLiteral("means-norm.pt"));
    test::writeChannelMeanEncoder(model);
    // Normalization from text: (255/255 − 0.5) / 0.25 = 2 for the red channel.
    auto custom =
        core::makeExtractor(model, {QStringLiteral("cpu"), 32, QStringLiteral("0.5,0.5,0.5/0.25,0.25,0.25")});
    std::vector<float> out(4);
    custom->extract({flatPatch({255, 128, 0})}, out.data());
    QVERIFY(std::abs(out[0] - 2.0f) < 1e-4 && std::abs(out[2] + 2.0f) < 1e-4);
    QVERIFY_THROWS_EXCEPTION(core::Error, core::makeExtractor(model, {QStringLiteral("cpu"), 32,
                                                                      QStringLiteral("0.5,0.5/1,1,1")}));
    QVERIFY_THROWS_EXCEPTION(
        core::Error, core::makeExtractor(model, {QStringLiteral("cpu"), 32, QStringLiteral("0,0,0/1,0,1")}));
    QVERIFY_THROWS_EXCEPTION(core::Error,
                             core::makeExtractor(QStringLiteral("resnet9000"), {QStringLiteral("cpu")}));
    QCOMPARE(core::makeExtractor(QStringLiteral("handcrafted"), {QStringLiteral("cpu")})->dimension(), 128);
    QCOMPARE(core::ExtractorRegistry::builtIn().entries().size(), std::size_t(2));
}

QTEST_GUILESS_MAIN(TestFeatures)
#include "tst_features.moc"
