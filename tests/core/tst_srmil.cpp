// SR-MIL and ABMIL networks: each objective trains the shared encoder; maps are well formed.
#include "model/SpatialGraph.h"
#include "model/nets/AbMilNet.h"
#include "model/nets/Autocast.h"
#include "model/nets/Checkpoint.h"
#include "model/nets/EdgeAttention.h"
#include "model/nets/LeanOps.h"
#include "model/nets/MilFactory.h"
#include "model/nets/SrMilNet.h"

#include <QtTest>
#include <torch/torch.h>

using namespace tessera::core;
using namespace tessera::core::nets;

namespace {

constexpr int kCols = 12, kRows = 10, kDim = 16;

// Features that vary smoothly over the grid (so neighbours predict them) plus a little noise.
BagTensors smoothBag(std::uint64_t seed, int dim = kDim)
{
    torch::manual_seed(seed);
    std::vector<std::int64_t> coords;
    std::vector<float> features;
    for (int r = 0; r < kRows; ++r)
        for (int c = 0; c < kCols; ++c) {
            coords.insert(coords.end(), {c * 256, r * 256});
            for (int k = 0; k < dim; ++k)
                features.push_back(
                    float(std::sin(0.3 * c * (k + 1) / 4.0) + std::cos(0.25 * r * (k % 5 + 1))) +
                    0.05f * torch::randn({1}).item<float>());
        }
    return BagTensors::make(features.data(), kCols * kRows, dim, SpatialGraph::fromCoords(coords),
                            torch::kCPU);
}

std::vector<torch::Tensor> snapshot(const std::vector<torch::Tensor>& parameters)
{
    std::vector<torch::Tensor> copy;
    for (const auto& p : parameters)
        copy.push_back(p.detach().clone());
    return copy;
}

bool changed(const std::vector<torch::Tensor>& before, const std::vector<torch::Tensor>& after)
{
    for (std::size_t i = 0; i < before.size(); ++i)
        if (!torch::equal(before[i], after[i].detach()))
            return true;
    return false;
}

double gradientNorm(const std::vector<torch::Tensor>& parameters)
{
    double total = 0;
    for (const auto& p : parameters)
        if (p.grad().defined())
            total += p.grad().pow(2).sum().item<double>();
    return std::sqrt(total);
}

SrMilOptions options(double wGen)
{
    SrMilOptions o;
    o.inputDim = kDim;
    o.hidden = 16;
    o.heads = 2;
    o.wGen = wGen;
    return o;
}

// Trains `steps` steps and returns the mean of `measure()` before and after.
template <typename Measure>
std::pair<double, double> trainAndMeasure(MilNet& net, const BagTensors& bag, int label, int steps,
                                          Measure measure)
{
    torch::optim::Adam optimizer(net.parameters(), torch::optim::AdamOptions(5e-3));
    net.eval();
    const double before = measure();
    net.train();
    for (int i = 0; i < steps; ++i) {
        optimizer.zero_grad();
        net.trainingStep(bag, label, {}).total.backward();
        optimizer.step();
    }
    net.eval();
    return {before, measure()};
}

} // namespace

class TestSrMil : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reconstructionAloneTrainsTheEncoder();
    void classificationAloneTrainsTheEncoder();
    void bothObjectivesReachTheSharedEncoder();
    void mapsAreWellFormed();
    void abmilLearnsAndAttends();
    void evidenceIsEachPatchsShareAgainstEvenAttention();
    void evidenceIsSignedPerPatchAndLeavesGradientsAlone();
    void evidenceOnTheLeanPathMatchesTheWholeBag();
    void fusedAggregationMatchesIndexAddWithGradients();
    void checkpointedTrainingGivesTheSameGradients();
    void rowChunkedTrainingMatchesTheWholeBag_data();
    void rowChunkedTrainingMatchesTheWholeBag();
    void widenedLayerAggregatesInInputSpace();
    void supernodeRowMatchesTheWholeLayer();
    void fusedEdgeAttentionMatchesTheReference();
    void mixedPrecisionStepStaysCloseToFloat32_data();
    void mixedPrecisionStepStaysCloseToFloat32();
    void checkpointReplaysTheForwardPrecision();
    void borrowedBagSharesTheCallersMemory();
    void leanLayerNormPreluMatchesLibTorch_data();
    void leanLayerNormPreluMatchesLibTorch();
    void leanDropoutKeepsByteMasks();
    void consistencyMasksEveryPatchAsOften();
};

void TestSrMil::reconstructionAloneTrainsTheEncoder()
{
    const BagTensors bag = smoothBag(1);
    SrMilNet net(options(2.0)); // classification weight (2 − w_gen) = 0
    const auto encoder = snapshot(net.encoderParameters());
    torch::manual_seed(7);
    const torch::Tensor masked = torch::randperm(bag.patches, torch::kInt64).slice(0, 0, 84);
    const auto [before, after] = trainAndMeasure(net, bag, 1, 60, [&] {
        torch::NoGradGuard noGrad;
        return net.reconstructionLoss(bag, masked).item<double>();
    });
    qInfo("SCE %.4f -> %.4f", before, after);
    QVERIFY(after < 0.7 * before);
    QVERIFY(changed(encoder, net.encoderParameters()));
}

void TestSrMil::classificationAloneTrainsTheEncoder()
{
    const BagTensors bag = smoothBag(2);
    SrMilNet net(options(0.0)); // reconstruction weight w_gen = 0
    const auto encoder = snapshot(net.encoderParameters());
    const auto [before, after] = trainAndMeasure(net, bag, 1, 30, [&] {
        torch::NoGradGuard noGrad;
        return torch::log_softmax(net.logits(bag), 0)[1].item<double>();
    });
    qInfo("log p(label) %.4f -> %.4f", before, after);
    QVERIFY(after > before + 0.1);
    QVERIFY(changed(encoder, net.encoderParameters()));
}

void TestSrMil::bothObjectivesReachTheSharedEncoder()
{
    const BagTensors bag = smoothBag(3);
    SrMilNet net(options(1.0));
    net.train();
    // Each term on its own produces a gradient on the shared encoder.
    for (const char* term : {"ce_full", "sce"}) {
        net.zero_grad();
        torch::manual_seed(11);
        const StepLosses losses = net.trainingStep(bag, 0, {});
        QVERIFY(losses.terms.count(term));
        torch::Tensor part;
        if (std::string(term) == "sce") {
            torch::manual_seed(11);
            const torch::Tensor masked = torch::randperm(bag.patches, torch::kInt64).slice(0, 0, 84);
            part = net.reconstructionLoss(bag, masked);
        } else {
            part = torch::nn::functional::cross_entropy(net.logits(bag).unsqueeze(0),
                                                        torch::zeros({1}, torch::kInt64));
        }
        part.backward();
        const double norm = gradientNorm(net.encoderParameters());
        qInfo("%s: encoder gradient norm %.5f", term, norm);
        QVERIFY(norm > 1e-6);
    }
    // And the combined loss is the paper's weighting of the terms.
    net.eval();
    torch::manual_seed(5);
    const StepLosses l = net.trainingStep(bag, 1, {});
    const double expected = (2 - 1.0) * ((2 - 1.0) * l.terms.at("ce_masked").item<double>() +
                                         1.0 * l.terms.at("ce_full").item<double>()) +
                            1.0 * l.terms.at("sce").item<double>();
    QVERIFY(std::abs(l.total.item<double>() - expected) < 1e-5);
}

void TestSrMil::mapsAreWellFormed()
{
    const BagTensors bag = smoothBag(4);
    SrMilNet net(options(1.0));
    net.eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor a = net.attention(bag);
    QCOMPARE(a.size(0), bag.patches);
    QVERIFY(std::abs(a.sum().item<double>() - 1.0) < 1e-4);
    QVERIFY(a.min().item<double>() >= 0);
    const torch::Tensor c = net.consistency(bag);
    QCOMPARE(c.size(0), bag.patches);
    QVERIFY(c.min().item<double>() >= -1.0001 && c.max().item<double>() <= 1.0001);
    QVERIFY((c != 0).all().item<bool>()); // every patch was scored in some round
    QCOMPARE(net.logits(bag).size(0), int64_t(2));
    // The slide classifier read on each patch: one probability per patch and class, summing to 1.
    const torch::Tensor tumour = net.patchProbabilities(bag, 1), normal = net.patchProbabilities(bag, 0);
    QCOMPARE(tumour.size(0), bag.patches);
    QVERIFY((tumour + normal - 1).abs().max().item<double>() < 1e-5);
    QVERIFY(tumour.min().item<double>() >= 0 && tumour.max().item<double>() <= 1);
    QVERIFY(tumour.std().item<double>() > 0); // patches differ
}

void TestSrMil::abmilLearnsAndAttends()
{
    const BagTensors bag = smoothBag(5);
    AbMilOptions o;
    o.inputDim = kDim;
    AbMilNet net(o);
    const auto encoder = snapshot(net.encoderParameters());
    const auto [before, after] = trainAndMeasure(net, bag, 0, 20, [&] {
        torch::NoGradGuard noGrad;
        return torch::log_softmax(net.logits(bag), 0)[0].item<double>();
    });
    QVERIFY(after > before + 0.1);
    QVERIFY(changed(encoder, net.encoderParameters()));
    torch::NoGradGuard noGrad;
    QVERIFY(std::abs(net.attention(bag).sum().item<double>() - 1.0) < 1e-5);
}

void TestSrMil::evidenceIsEachPatchsShareAgainstEvenAttention()
{
    // A readout whose attention is known: two heads' softmax weights over 5 patches and a value
    // per patch and head; class 1's logit is their weighted sum, class 0's is 0. The evidence must
    // share out, patch by patch, how far class 1's centred logit lies from its value under even
    // attention.
    struct KnownReadout : MilNet {
        KnownReadout()
        {
            scores = register_parameter(
                "scores",
                torch::tensor({0.3, -1.0, 2.0, 0.1, 0.7, -0.4, 1.1, 0.0, 0.5, -2.0}, torch::kFloat64)
                    .reshape({5, 2}));
        }
        torch::Tensor scores;
        torch::Tensor values =
            torch::tensor({4.0, -1.0, 2.5, 3.0, -2.0, 0.5, 1.0, -3.0, 6.0, 2.0}, torch::kFloat64)
                .reshape({5, 2}) -
            10; // every value negative: only their differences tell
        StepLosses trainingStep(const BagTensors&, int64_t, const torch::Tensor&) override { return {}; }
        torch::Tensor logits(const BagTensors& bag) override
        {
            return logitsWithAttentionWeights(bag).logits;
        }
        torch::Tensor attention(const BagTensors&) override { return torch::softmax(scores, 0).mean(1); }
        std::vector<torch::Tensor> encoderParameters() override { return {}; }
        LogitsAndWeights logitsWithAttentionWeights(const BagTensors&) override
        {
            const torch::Tensor w = torch::softmax(scores, 0);
            return {torch::stack({torch::zeros({}, torch::kFloat64), (w * values).sum()}), w};
        }
    } readout;
    readout.eval();
    BagTensors bag;
    bag.patches = 5;
    const torch::Tensor evidence = readout.patchEvidence(bag, 1);
    // Class 1's centred logit is z − (0 + z) / 2 = z / 2: its slope in w is values / 2.
    const torch::Tensor w = torch::softmax(readout.scores.detach(), 0), g = readout.values / 2;
    const torch::Tensor expected = (w * (g - g.mean(0, true))).sum(1);
    QVERIFY2(torch::allclose(evidence, expected, 1e-9, 1e-12),
             qPrintable(QStringLiteral("%1 vs %2")
                            .arg(evidence.abs().max().item<double>())
                            .arg(expected.abs().max().item<double>())));
    const double centred = ((w * readout.values).sum() / 2).item<double>();
    const double even = (readout.values.mean(0).sum() / 2).item<double>();
    QVERIFY(std::abs(evidence.sum().item<double>() - (centred - even)) < 1e-9);
    // Every value is negative, yet the patches above their head's mean push toward class 1:
    // patch 1 (values −7.5 and −7, weighed most in the first head) most of all; patch 3, below
    // the mean in both heads, pushes away.
    QVERIFY(evidence[1].item<double>() > 0 && evidence[3].item<double>() < 0);
    QCOMPARE(evidence.argmax().item<int64_t>(), int64_t(1));
}

void TestSrMil::evidenceIsSignedPerPatchAndLeavesGradientsAlone()
{
    const BagTensors bag = smoothBag(6);
    torch::NoGradGuard noGrad; // as inference calls it
    // ABMIL: with two classes, one class's evidence is the other's negated.
    AbMilOptions o;
    o.inputDim = kDim;
    AbMilNet abmil(o);
    abmil.eval();
    const torch::Tensor evidence = abmil.patchEvidence(bag, 1);
    QCOMPARE(evidence.size(0), bag.patches);
    QVERIFY((evidence + abmil.patchEvidence(bag, 0)).abs().max().item<double>() < 1e-6);
    QVERIFY(evidence.min().item<double>() < evidence.max().item<double>());

    // SR-MIL: signed, per patch, and with two classes one class's evidence is the other's negated.
    SrMilNet srmil(options(1.0));
    srmil.eval();
    // Gradients a caller holds (as during fine-tuning between steps) come back unchanged.
    for (torch::Tensor& p : srmil.parameters())
        p.mutable_grad() = torch::ones_like(p);
    const torch::Tensor tumour = srmil.patchEvidence(bag, 1), normal = srmil.patchEvidence(bag, 0);
    QCOMPARE(tumour.size(0), bag.patches);
    QVERIFY(torch::isfinite(tumour).all().item<bool>());
    QVERIFY(tumour.abs().max().item<double>() > 0);
    QVERIFY((tumour + normal).abs().max().item<double>() < 1e-6);
    QVERIFY(!torch::GradMode::is_enabled()); // the caller's mode is back
    for (const torch::Tensor& p : srmil.parameters())
        QVERIFY(torch::equal(p.grad(), torch::ones_like(p)));
    srmil.train();
    QVERIFY_THROWS_EXCEPTION(c10::Error, srmil.patchEvidence(bag, 1)); // dropout would draw
}

void TestSrMil::evidenceOnTheLeanPathMatchesTheWholeBag()
{
    // Grad mode is on inside patchEvidence, so large bags take the checkpointed, row-chunked path.
    const BagTensors bag = smoothBag(7);
    SrMilNet net(options(1.0));
    net.eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor whole = net.patchEvidence(bag, 1);
    net.setCheckpointAbove(10, 16);
    const torch::Tensor lean = net.patchEvidence(bag, 1);
    QVERIFY2(torch::allclose(whole, lean, 1e-4, 1e-6),
             qPrintable(QString::number((whole - lean).abs().max().item<double>())));
}

void TestSrMil::fusedAggregationMatchesIndexAddWithGradients()
{
    // An irregular graph (holes, two pieces) plus a supernode of very high degree, in double
    // precision: the fused kernel and its hand-written backward must equal autograd through
    // the index_add formulation.
    std::vector<std::int64_t> coords;
    for (int r = 0; r < 9; ++r)
        for (int c = 0; c < 11; ++c)
            if ((r * 7 + c * 3) % 5 != 0 && !(c == 5))
                coords.insert(coords.end(), {c * 256, r * 256});
    const BagTensors bag =
        BagTensors::make(std::vector<float>(coords.size() / 2 * 4, 0.f).data(), int64_t(coords.size() / 2), 4,
                         SpatialGraph::fromCoords(coords), torch::kCPU);
    for (const EdgeIndex* edges : {&bag.graph, &bag.withSupernode}) {
        torch::manual_seed(3);
        const auto options = torch::TensorOptions().dtype(torch::kFloat64);
        const torch::Tensor values = torch::randn({edges->nodes, 3, 5}, options).requires_grad_(true);
        const torch::Tensor weights = torch::rand({edges->edges(), 3}, options).requires_grad_(true);
        const torch::Tensor upstream = torch::randn({edges->nodes, 3, 5}, options);

        const torch::Tensor fused = aggregateEdges(values, weights, *edges);
        (fused * upstream).sum().backward();
        const torch::Tensor gradValues = values.grad().clone(), gradWeights = weights.grad().clone();
        values.mutable_grad().zero_();
        weights.mutable_grad().zero_();
        const torch::Tensor reference = aggregateEdgesByIndexAdd(values, weights, *edges);
        (reference * upstream).sum().backward();

        QVERIFY(torch::allclose(fused, reference, 1e-12, 1e-12));
        QVERIFY(torch::allclose(gradValues, values.grad(), 1e-12, 1e-12));
        QVERIFY(torch::allclose(gradWeights, weights.grad(), 1e-12, 1e-12));
        QVERIFY(gradWeights.abs().sum().item<double>() > 0);
    }
    // Finite differences agree too (the kernel's own gradient, not just the reference's).
    const auto options = torch::TensorOptions().dtype(torch::kFloat64);
    const torch::Tensor v = torch::randn({bag.graph.nodes, 2, 3}, options).requires_grad_(true);
    const torch::Tensor w = torch::rand({bag.graph.edges(), 2}, options).requires_grad_(true);
    QVERIFY(torch::autograd::grad({aggregateEdges(v, w, bag.graph).pow(2).sum()}, {w})[0].defined());
    const double eps = 1e-6;
    const torch::Tensor analytic =
        torch::autograd::grad({aggregateEdges(v, w, bag.graph).pow(2).sum()}, {w})[0];
    for (const int64_t e : {int64_t(0), bag.graph.edges() / 2, bag.graph.edges() - 1}) {
        torch::NoGradGuard noGrad;
        const torch::Tensor plus = w.clone(), minus = w.clone();
        plus[e][1] += eps;
        minus[e][1] -= eps;
        const double numeric = (aggregateEdges(v, plus, bag.graph).pow(2).sum().item<double>() -
                                aggregateEdges(v, minus, bag.graph).pow(2).sum().item<double>()) /
                               (2 * eps);
        QVERIFY2(std::abs(numeric - analytic[e][1].item<double>()) < 1e-5,
                 qPrintable(QStringLiteral("%1 vs %2").arg(numeric).arg(analytic[e][1].item<double>())));
    }
}

void TestSrMil::checkpointedTrainingGivesTheSameGradients()
{
    // The same step (same seed, so the same masks and dropout) with and without checkpointed
    // GAT layers: identical losses and parameter gradients, and the generator ends in the
    // same state (training after the step is unaffected).
    const BagTensors bag = smoothBag(5);
    const auto step = [&](bool checkpoint) {
        torch::manual_seed(11);
        SrMilOptions o;
        o.inputDim = kDim;
        SrMilNet net(o);
        net.train();
        net.setCheckpointAbove(checkpoint ? 0 : std::numeric_limits<int64_t>::max());
        const StepLosses losses = net.trainingStep(bag, 1, {});
        losses.total.backward();
        std::vector<torch::Tensor> grads;
        for (const auto& p : net.parameters())
            grads.push_back(p.grad().defined() ? p.grad().clone() : torch::zeros_like(p));
        return std::make_tuple(losses.total.item<double>(), grads, torch::rand({4}));
    };
    const auto [lossPlain, gradsPlain, nextPlain] = step(false);
    const auto [lossCheckpoint, gradsCheckpoint, nextCheckpoint] = step(true);
    QCOMPARE(lossCheckpoint, lossPlain);
    QCOMPARE(gradsCheckpoint.size(), gradsPlain.size());
    int nonZero = 0;
    for (std::size_t i = 0; i < gradsPlain.size(); ++i) {
        QVERIFY2(torch::allclose(gradsCheckpoint[i], gradsPlain[i], 1e-5, 1e-6),
                 qPrintable(QString::number(i)));
        nonZero += gradsPlain[i].abs().sum().item<double>() > 0;
    }
    QVERIFY(nonZero > int(gradsPlain.size()) / 2);
    QVERIFY(torch::equal(nextCheckpoint, nextPlain));
}

void TestSrMil::rowChunkedTrainingMatchesTheWholeBag_data()
{
    QTest::addColumn<int>("dim");
    QTest::newRow("decoder narrows (D < heads x hidden)") << kDim;
    QTest::newRow("decoder widens (D > heads x hidden)") << 48;
}

void TestSrMil::rowChunkedTrainingMatchesTheWholeBag()
{
    // The memory-lean path (D-wide stages in chunks of 7 rows, everything checkpointed) against
    // the plain one, without dropout (chunks draw their masks separately): the same losses,
    // gradients and maps up to rounding.
    QFETCH(int, dim);
    const BagTensors bag = smoothBag(5, dim);
    const auto run = [&](bool lean) {
        torch::manual_seed(11);
        SrMilOptions o = options(1.0);
        o.inputDim = dim;
        o.featureDropout = o.attentionDropout = o.classifierDropout = 0;
        SrMilNet net(o);
        net.setCheckpointAbove(lean ? 0 : std::numeric_limits<int64_t>::max(), 7);
        net.train();
        const StepLosses losses = net.trainingStep(bag, 1, {});
        losses.total.backward();
        std::vector<torch::Tensor> results{losses.total.detach(), losses.terms.at("sce")};
        for (const auto& p : net.parameters())
            results.push_back(p.grad().defined() ? p.grad().clone() : torch::zeros_like(p));
        net.eval();
        torch::NoGradGuard noGrad;
        torch::manual_seed(3);
        results.push_back(net.consistency(bag));
        results.push_back(net.attention(bag));
        results.push_back(net.logits(bag));
        return results;
    };
    const auto plain = run(false), lean = run(true);
    QCOMPARE(lean.size(), plain.size());
    for (std::size_t i = 0; i < plain.size(); ++i)
        QVERIFY2(torch::allclose(lean[i], plain[i], 1e-4, 1e-6),
                 qPrintable(QStringLiteral("result %1: max difference %2")
                                .arg(i)
                                .arg((lean[i] - plain[i]).abs().max().item<double>())));
    QVERIFY(plain[0].item<double>() > 0);
    QVERIFY(plain.back().abs().sum().item<double>() > 0);
}

void TestSrMil::widenedLayerAggregatesInInputSpace()
{
    // A one-head layer from 6 to 20 features: aggregating the inputs and widening chosen rows
    // equals the plain layer's rows, values and input gradients.
    torch::manual_seed(2);
    const BagTensors bag = smoothBag(1);
    GatLayer layer(GatOptions{6, 20, 1, 0.0, 0.0, false, false, false}); // no residual, no activation
    const torch::Tensor x = torch::randn({bag.patches, 6}).requires_grad_(true);
    const torch::Tensor rows = torch::tensor({0, 5, 17, 60, 119}, torch::kInt64);
    const torch::Tensor plain = layer(x, bag.graph).index_select(0, rows);
    const torch::Tensor gradPlain = torch::autograd::grad({plain.pow(2).sum()}, {x})[0];
    const torch::Tensor widened =
        layer->projectAggregated(layer->aggregateInputs(x, bag.graph).index_select(0, rows));
    const torch::Tensor gradWidened = torch::autograd::grad({widened.pow(2).sum()}, {x})[0];
    QCOMPARE(widened.sizes(), plain.sizes());
    QVERIFY(torch::allclose(widened, plain, 1e-5, 1e-6));
    QVERIFY2(torch::allclose(gradWidened, gradPlain, 1e-5, 1e-5), // float sums in another order
             qPrintable(QStringLiteral("max gradient difference %1 of %2")
                            .arg((gradWidened - gradPlain).abs().max().item<double>())
                            .arg(gradPlain.abs().max().item<double>())));
    QVERIFY(gradPlain.abs().sum().item<double>() > 0);
}

void TestSrMil::supernodeRowMatchesTheWholeLayer()
{
    // The supernode's row of a 4-head layer (heads averaged, residual projection, LayerNorm +
    // PReLU) computed alone: the same output, input gradient and attention on the patches.
    torch::manual_seed(4);
    const BagTensors bag = smoothBag(2);
    GatLayer layer(GatOptions{10, 8, 4, 0.0, 0.0, false, true, true});
    {
        // A non-zero bias, so that adding it once per row is checked too.
        torch::NoGradGuard setting;
        for (auto& p : layer->named_parameters())
            if (p.key() == "bias")
                p.value().uniform_(-0.5, 0.5);
    }
    const torch::Tensor x = torch::randn({bag.patches + 1, 10}).requires_grad_(true);
    torch::Tensor alphaAll, alphaRow;
    const torch::Tensor whole = layer(x, bag.withSupernode, &alphaAll)[bag.patches];
    const torch::Tensor gradWhole = torch::autograd::grad({whole.pow(2).sum()}, {x})[0];
    const torch::Tensor row = layer->forwardRow(x, bag.withSupernode, bag.patches, &alphaRow);
    const torch::Tensor gradRow = torch::autograd::grad({row.pow(2).sum()}, {x})[0];
    QCOMPARE(row.sizes(), whole.sizes());
    QVERIFY(torch::allclose(row, whole, 1e-5, 1e-6));
    QVERIFY(torch::allclose(gradRow, gradWhole, 1e-5, 1e-6));
    // Edges patch → supernode follow the patch graph's edges, in patch order.
    const int64_t first = bag.graph.edges();
    QVERIFY(torch::allclose(alphaRow.slice(0, 0, bag.patches), alphaAll.slice(0, first, first + bag.patches),
                            1e-5, 1e-7));
    QVERIFY(alphaRow.slice(0, 0, bag.patches).min().item<double>() > 0);
}

void TestSrMil::fusedEdgeAttentionMatchesTheReference()
{
    // On the graph with the supernode (one node with an edge from every patch): the fused
    // softmax gives the reference's weights and score gradients (both signs of LeakyReLU occur).
    torch::manual_seed(6);
    const BagTensors bag = smoothBag(3);
    const EdgeIndex& edges = bag.withSupernode;
    const torch::Tensor source = torch::randn({edges.nodes, 3}).requires_grad_(true);
    const torch::Tensor target = torch::randn({edges.nodes, 3}).requires_grad_(true);
    const torch::Tensor upstream = torch::randn({edges.edges(), 3});
    const auto run = [&](bool fused) {
        setFusedEdgeAggregation(fused);
        const torch::Tensor alpha = edgeAttention(source, target, edges);
        setFusedEdgeAggregation(true);
        const auto grads = torch::autograd::grad({(alpha * upstream).sum()}, {source, target});
        return std::vector{alpha.detach(), grads[0], grads[1]};
    };
    const auto fused = run(true), reference = run(false);
    for (std::size_t i = 0; i < fused.size(); ++i)
        QVERIFY2(torch::allclose(fused[i], reference[i], 1e-5, 1e-6),
                 qPrintable(QStringLiteral("%1: max difference %2")
                                .arg(i)
                                .arg((fused[i] - reference[i]).abs().max().item<double>())));
    // Weights into each node sum to one.
    const torch::Tensor sums = torch::zeros({edges.nodes, 3}).index_add(0, edges.target, fused[0]);
    QVERIFY(torch::allclose(sums, torch::ones_like(sums), 1e-5, 1e-6));
    QVERIFY(fused[1].abs().sum().item<double>() > 0 && fused[2].abs().sum().item<double>() > 0);
}

void TestSrMil::mixedPrecisionStepStaysCloseToFloat32_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("lean");
    QTest::newRow("srmil") << QStringLiteral("srmil") << false;
    QTest::newRow("srmil, lean path (chunks, checkpoints)") << QStringLiteral("srmil") << true;
    QTest::newRow("abmil") << QStringLiteral("abmil") << false;
    QTest::newRow("transmil") << QStringLiteral("transmil") << false;
}

void TestSrMil::mixedPrecisionStepStaysCloseToFloat32()
{
    // One training step in float32 and under bf16 autocast (same weights, same masks): the bf16
    // step is not the float32 one (autocast ran) but close to it, and its gradients point the
    // same way.
    QFETCH(QString, model);
    QFETCH(bool, lean);
    const BagTensors bag = smoothBag(4, 48);
    const auto run = [&](bool bf16) {
        torch::manual_seed(21);
        ModelSpec spec;
        spec.name = model;
        spec.hidden = 16;
        spec.heads = 2;
        auto net = makeNet(spec, 48, 2);
        if (auto* srmil = dynamic_cast<SrMilNet*>(net.get()); srmil && lean)
            srmil->setCheckpointAbove(0, 7);
        net->eval(); // no dropout: the two runs differ only in precision
        torch::Tensor loss;
        {
            const AutocastScope precision(torch::kCPU, bf16 ? std::optional(torch::kBFloat16) : std::nullopt);
            loss = net->trainingStep(bag, 1, {}).total;
        }
        loss.backward();
        std::vector<torch::Tensor> gradients;
        for (const auto& p : net->parameters())
            if (p.grad().defined())
                gradients.push_back(p.grad().flatten());
        return std::make_pair(loss.item<double>(), torch::cat(gradients));
    };
    const auto [loss32, grad32] = run(false);
    const auto [loss16, grad16] = run(true);
    const double cosine =
        (grad16 * grad32).sum().item<double>() / (grad16.norm() * grad32.norm()).item<double>();
    qInfo("loss fp32 %.6f, bf16 %.6f, gradient cosine %.4f", loss32, loss16, cosine);
    QVERIFY(std::isfinite(loss16));
    QVERIFY(loss16 != loss32);
    QVERIFY(std::abs(loss16 - loss32) < 0.05 * std::abs(loss32));
    QVERIFY(grad16.isfinite().all().item<bool>());
    QVERIFY(cosine > 0.95);
}

void TestSrMil::checkpointReplaysTheForwardPrecision()
{
    // A checkpointed piece recomputed in the backward pass (outside any autocast scope) must run
    // in the precision of its forward pass, or its gradients belong to another computation.
    torch::manual_seed(1);
    torch::nn::Linear layer(8, 4);
    std::vector<c10::ScalarType> seen;
    const torch::Tensor x = torch::randn({5, 8});
    torch::Tensor y;
    {
        const AutocastScope precision(torch::kCPU, torch::kBFloat16);
        y = checkpointed(
            [&](const std::vector<torch::Tensor>& in) {
                const torch::Tensor out = layer(in[0]);
                seen.push_back(out.scalar_type());
                return std::vector{out};
            },
            {x})[0];
    }
    QVERIFY(!AutocastState::current().cpu);
    y.to(torch::kFloat).sum().backward();
    QCOMPARE(int(seen.size()), 2);
    QCOMPARE(seen[0], torch::kBFloat16);
    QCOMPARE(seen[1], torch::kBFloat16);
    QVERIFY(!AutocastState::current().cpu); // put back after the recomputation
    QVERIFY(layer->weight.grad().defined());
}

void TestSrMil::borrowedBagSharesTheCallersMemory()
{
    // The trainer's bags use the dataset's features in place on CPU; make() copies.
    std::vector<std::int64_t> coords{0, 0, 256, 0, 0, 256};
    std::vector<float> features{1, 2, 3, 4, 5, 6};
    const SpatialGraph graph = SpatialGraph::fromCoords(coords);
    const BagTensors borrowed = BagTensors::borrowing(features.data(), 3, 2, graph, torch::kCPU);
    const BagTensors copied = BagTensors::make(features.data(), 3, 2, graph, torch::kCPU);
    QCOMPARE(borrowed.features.data_ptr<float>(), features.data());
    QVERIFY(copied.features.data_ptr<float>() != features.data());
    QVERIFY(torch::equal(borrowed.features, copied.features));
    QVERIFY(torch::equal(borrowed.withSupernode.source, copied.withSupernode.source));
    QCOMPARE(borrowed.patches, 3);
}

void TestSrMil::leanLayerNormPreluMatchesLibTorch_data()
{
    QTest::addColumn<int>("slopes");
    QTest::newRow("one slope") << 1;
    QTest::newRow("a slope per channel") << 24;
}

void TestSrMil::leanLayerNormPreluMatchesLibTorch()
{
    // Values and every gradient as LayerNorm then PReLU, though only the input and the
    // statistics are kept; also where LayerNorm's output sits exactly at 0 (bias = −mean term).
    QFETCH(int, slopes);
    torch::manual_seed(5);
    const auto leaf = [](torch::Tensor t) { return t.requires_grad_(true); };
    const torch::Tensor x = leaf(torch::randn({37, 24}) * 3 + 1);
    const torch::Tensor weight = leaf(torch::randn({24})), bias = leaf(torch::randn({24}) * 0.5);
    const torch::Tensor prelu = leaf(torch::rand({slopes}) * 0.5);
    const torch::Tensor upstream = torch::randn({37, 24});
    const auto gradients = [&](const torch::Tensor& out) {
        return torch::autograd::grad({out}, {x, weight, bias, prelu}, {upstream});
    };
    const torch::Tensor lean = layerNormPrelu(x, weight, bias, prelu, 1e-5);
    const torch::Tensor plain = torch::prelu(
        torch::nn::functional::layer_norm(
            x, torch::nn::functional::LayerNormFuncOptions({24}).weight(weight).bias(bias).eps(1e-5)),
        prelu);
    QVERIFY(torch::allclose(lean, plain, 1e-5, 1e-6));
    const auto leanGrads = gradients(lean), plainGrads = gradients(plain);
    for (std::size_t i = 0; i < leanGrads.size(); ++i)
        QVERIFY2(torch::allclose(leanGrads[i], plainGrads[i], 1e-4, 1e-5),
                 qPrintable(QStringLiteral("gradient %1: max difference %2")
                                .arg(i)
                                .arg((leanGrads[i] - plainGrads[i]).abs().max().item<double>())));
    QVERIFY(leanGrads[3].abs().sum().item<double>() > 0); // the slope learns
}

void TestSrMil::leanDropoutKeepsByteMasks()
{
    torch::manual_seed(9);
    const torch::Tensor x = torch::full({400, 50}, 2.0f).requires_grad_(true);
    const torch::Tensor out = leanDropout(x, 0.3, true);
    const double dropped = (out == 0).to(torch::kFloat64).mean().item<double>();
    QVERIFY2(std::abs(dropped - 0.3) < 0.02, qPrintable(QString::number(dropped)));
    // Kept values scaled by 1 / (1 − p); the gradient passes exactly where the value did.
    QVERIFY(torch::allclose(out.masked_select(out != 0), torch::full({1}, 2.0f / 0.7f)));
    const torch::Tensor grad = torch::autograd::grad({out.sum()}, {x})[0];
    QVERIFY(torch::equal(grad != 0, out != 0));
    QVERIFY(torch::allclose(grad.masked_select(grad != 0), torch::full({1}, 1.0f / 0.7f)));
    // The same generator state draws the same mask (what checkpoint replays rely on).
    torch::manual_seed(9);
    QVERIFY(torch::equal(leanDropout(x, 0.3, true), out));
    QVERIFY(torch::equal(leanDropout(x, 0.3, false), x)); // evaluation: the identity
}

void TestSrMil::consistencyMasksEveryPatchAsOften()
{
    // Every patch is scored, for any bag size: at the inference rate (each once in 4 rounds) and
    // at the training rate (each about 7 times in 10). Scores are cosines; the map is the same
    // for the same generator state.
    for (const int patches : {9, 10, 37, 120}) {
        std::vector<float> features(std::size_t(patches) * 6);
        for (std::size_t i = 0; i < features.size(); ++i)
            features[i] = std::sin(0.7f * float(i));
        std::vector<std::int64_t> coords;
        for (int i = 0; i < patches; ++i)
            coords.insert(coords.end(), {std::int64_t(i % 5) * 256, std::int64_t(i / 5) * 256});
        const BagTensors bag =
            BagTensors::make(features.data(), patches, 6, SpatialGraph::fromCoords(coords, 256), torch::kCPU);
        SrMilOptions o = options(1.0);
        o.inputDim = 6;
        SrMilNet net(o);
        net.eval();
        torch::NoGradGuard noGrad;
        for (const auto& [rate, rounds] : {std::pair{0.25, 4}, std::pair{0.7, 10}}) {
            torch::manual_seed(1);
            const torch::Tensor map = net.consistency(bag, rate, rounds);
            QCOMPARE(map.size(0), std::int64_t(patches));
            QVERIFY(torch::isfinite(map).all().item<bool>());
            QVERIFY(map.abs().max().item<double>() <= 1.0 + 1e-5);
            torch::manual_seed(1);
            QVERIFY(torch::equal(net.consistency(bag, rate, rounds), map));
        }
    }
}

QTEST_GUILESS_MAIN(TestSrMil)
#include "tst_srmil.moc"
