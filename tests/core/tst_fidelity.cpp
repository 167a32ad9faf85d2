// SR-MIL against the authors' model: bench/reference/srmil_reference.py transcribes the published
// architecture (github wwyi1828/SRMIL) in plain PyTorch. Both get the same weights, bag, graph and
// mask; one training step's outputs, loss terms and gradients must agree — on the plain path and
// on the memory-lean one (checkpoints, row chunks, the widened last decoder layer) — and our
// spatial graph must be the reference's radius graph, also for patches on offset grids.
#include "model/SpatialGraph.h"
#include "model/nets/SrMilNet.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <hdf5.h>
#include <torch/torch.h>

#include <set>

using namespace tessera::core;
using namespace tessera::core::nets;

namespace {

constexpr std::int64_t kPatch = 256;

// Two tissue pieces the way CLAM patches them: each on a grid of its own, the second's origin
// offset by (37, 91) px, with a hole in the first.
std::vector<std::int64_t> clamCoords()
{
    std::vector<std::int64_t> c;
    for (int r = 0; r < 6; ++r)
        for (int col = 0; col < 7; ++col)
            if (!(r == 2 && (col == 3 || col == 4)))
                c.insert(c.end(), {col * kPatch, r * kPatch});
    for (int r = 0; r < 3; ++r)
        for (int col = 0; col < 4; ++col)
            c.insert(c.end(), {7 * kPatch + 37 + col * kPatch, 2 * kPatch + 91 + r * kPatch});
    return c;
}

class H5 {
public:
    explicit H5(const QString& path, bool create)
        : m_file(create
                     ? H5Fcreate(QFile::encodeName(path).constData(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT)
                     : H5Fopen(QFile::encodeName(path).constData(), H5F_ACC_RDONLY, H5P_DEFAULT))
    {
    }
    ~H5() { H5Fclose(m_file); }
    bool valid() const { return m_file >= 0; }

    void write(const std::string& name, const torch::Tensor& t)
    {
        const torch::Tensor c = t.detach().contiguous().cpu();
        std::vector<hsize_t> dims(c.sizes().begin(), c.sizes().end());
        const hid_t space = H5Screate_simple(int(dims.size()), dims.data(), nullptr);
        const hid_t links = H5Pcreate(H5P_LINK_CREATE);
        H5Pset_create_intermediate_group(links, 1);
        const bool integer = c.scalar_type() == torch::kInt64;
        const hid_t type = integer ? H5T_NATIVE_INT64 : H5T_NATIVE_FLOAT;
        const torch::Tensor data = integer ? c : c.to(torch::kFloat32);
        const hid_t set = H5Dcreate2(m_file, name.c_str(), type, space, links, H5P_DEFAULT, H5P_DEFAULT);
        H5Dwrite(set, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data_ptr());
        H5Dclose(set);
        H5Pclose(links);
        H5Sclose(space);
    }
    void attribute(const char* name, double value)
    {
        const hid_t space = H5Screate(H5S_SCALAR);
        const hid_t attr = H5Acreate2(m_file, name, H5T_NATIVE_DOUBLE, space, H5P_DEFAULT, H5P_DEFAULT);
        H5Awrite(attr, H5T_NATIVE_DOUBLE, &value);
        H5Aclose(attr);
        H5Sclose(space);
    }
    // A dataset as float64, flattened (empty if missing).
    std::vector<double> read(const std::string& name)
    {
        if (H5Lexists(m_file, name.c_str(), H5P_DEFAULT) <= 0)
            return {};
        const hid_t set = H5Dopen2(m_file, name.c_str(), H5P_DEFAULT);
        const hid_t space = H5Dget_space(set);
        std::vector<double> values(std::size_t(H5Sget_simple_extent_npoints(space)));
        H5Dread(set, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data());
        H5Sclose(space);
        H5Dclose(set);
        return values;
    }

private:
    hid_t m_file;
};

double maxDifference(const torch::Tensor& ours, const std::vector<double>& theirs)
{
    const torch::Tensor c = ours.detach().contiguous().to(torch::kFloat64).flatten();
    if (std::size_t(c.numel()) != theirs.size())
        return std::numeric_limits<double>::infinity();
    double worst = 0;
    for (std::size_t i = 0; i < theirs.size(); ++i)
        worst = std::max(worst, std::abs(c[int64_t(i)].item<double>() - theirs[i]));
    return worst;
}

double maxAbs(const std::vector<double>& v)
{
    double m = 0;
    for (const double x : v)
        m = std::max(m, std::abs(x));
    return m;
}

} // namespace

class TestFidelity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneStepAgreesWithTheReference_data();
    void oneStepAgreesWithTheReference();
};

void TestFidelity::oneStepAgreesWithTheReference_data()
{
    QTest::addColumn<int>("dim");
    QTest::addColumn<int>("hidden");
    QTest::addColumn<int>("heads");
    QTest::addColumn<bool>("lean");
    // D wider than heads × hidden (the last decoder layer widens), and narrower.
    QTest::newRow("D 48 > 4x8, plain") << 48 << 8 << 4 << false;
    QTest::newRow("D 48 > 4x8, memory-lean") << 48 << 8 << 4 << true;
    QTest::newRow("D 24 < 4x8, plain") << 24 << 8 << 4 << false;
    QTest::newRow("D 24 < 4x8, memory-lean") << 24 << 8 << 4 << true;
}

void TestFidelity::oneStepAgreesWithTheReference()
{
    QFETCH(int, dim);
    QFETCH(int, hidden);
    QFETCH(int, heads);
    QFETCH(bool, lean);
    const std::vector<std::int64_t> coords = clamCoords();
    const int n = int(coords.size() / 2);
    const SpatialGraph graph = SpatialGraph::fromCoords(coords, kPatch);
    QCOMPARE(graph.isolatedCount(), 0); // the offset piece's patches found each other
    torch::manual_seed(11);
    // Smooth features plus noise, so the reconstruction has something to find.
    const torch::Tensor position = torch::tensor(coords, torch::kFloat32).view({n, 2}) / float(kPatch);
    const torch::Tensor frequencies = torch::randn({2, dim}) * 0.5;
    const torch::Tensor features = torch::sin(position.matmul(frequencies)) + 0.1 * torch::randn({n, dim});

    SrMilOptions options;
    options.inputDim = dim;
    options.classes = 2;
    options.hidden = hidden;
    options.heads = heads;
    options.wGen = 1.3; // neither 1 nor the default: every term's weight shows
    options.wCe = 0.7;
    SrMilNet net(options);
    net.eval(); // dropout off on both sides
    if (lean)
        net.setCheckpointAbove(0, 7);
    const BagTensors bag =
        BagTensors::make(features.contiguous().data_ptr<float>(), n, dim, graph, torch::kCPU);
    const torch::Tensor mask = torch::randperm(n, torch::kInt64).slice(0, 0, net.maskCount(n));
    const int label = 1;

    QTemporaryDir dir;
    const QString in = dir.filePath(QStringLiteral("in.h5")), out = dir.filePath(QStringLiteral("out.h5"));
    {
        H5 f(in, true);
        QVERIFY(f.valid());
        for (const auto& p : net.named_parameters())
            f.write("params/" + p.key(), p.value());
        f.write("features", features);
        f.write("coords", torch::tensor(coords, torch::kInt64).view({n, 2}));
        f.write("edge_source", torch::tensor(graph.source, torch::kInt64));
        f.write("edge_target", torch::tensor(graph.target, torch::kInt64));
        f.write("mask", mask);
        for (const auto& [name, value] :
             std::vector<std::pair<const char*, double>>{{"dim", dim},
                                                         {"classes", 2},
                                                         {"hidden", hidden},
                                                         {"heads", heads},
                                                         {"w_gen", options.wGen},
                                                         {"w_ce", options.wCe},
                                                         {"patch_size", double(kPatch)},
                                                         {"label", label}})
            f.attribute(name, value);
    }
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(TESSERA_SOURCE_DIR "/bench/reference/srmil_reference.py"),
                  QStringLiteral("--fidelity"), in, out});
    QVERIFY(python.waitForFinished(300000));
    QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0,
             qPrintable(QStringLiteral(
                            "the reference failed (Debian's python3-torch and python3-h5py are needed): %1")
                            .arg(QString::fromUtf8(python.readAllStandardError()))));

    const StepLosses ours = net.stepWithMask(bag, label, {}, mask);
    ours.total.backward();
    H5 ref(out, false);
    QVERIFY(ref.valid());
    // Forward: the loss terms and the full graph's logits within 1e-5.
    const auto close = [&](const torch::Tensor& t, const char* name) {
        const double d = maxDifference(t, ref.read(name));
        qInfo("%-14s |C++ - reference| = %.2e", name, d);
        return d <= 1e-5;
    };
    QVERIFY(close(ours.total, "total"));
    QVERIFY(close(ours.terms.at("ce_masked"), "ce_masked"));
    QVERIFY(close(ours.terms.at("ce_full"), "ce_full"));
    QVERIFY(close(ours.terms.at("sce"), "sce"));
    QVERIFY(close(ours.logits, "logits_full"));
    // Backward: every parameter's gradient within 1e-4 (relative to its largest entry beyond 1).
    double worst = 0;
    QString worstName;
    int compared = 0;
    for (const auto& p : net.named_parameters()) {
        const std::vector<double> theirs = ref.read("grads/" + p.key());
        QVERIFY2(!theirs.empty(), p.key().c_str());
        const torch::Tensor grad =
            p.value().grad().defined() ? p.value().grad() : torch::zeros_like(p.value());
        const double d = maxDifference(grad, theirs) / std::max(1.0, maxAbs(theirs));
        if (d > worst) {
            worst = d;
            worstName = QString::fromStdString(p.key());
        }
        ++compared;
    }
    qInfo("%d gradients, worst %s at %.2e", compared, qPrintable(worstName), worst);
    QVERIFY2(worst <= 1e-4, qPrintable(worstName));

    // The graph: our distance-based one is the reference's radius graph with self-loops.
    std::set<std::pair<std::int64_t, std::int64_t>> ourEdges, theirEdges;
    for (int e = 0; e < graph.edgeCount(); ++e)
        ourEdges.insert({graph.source[std::size_t(e)], graph.target[std::size_t(e)]});
    const std::vector<double> s = ref.read("graph_source"), t = ref.read("graph_target");
    for (std::size_t e = 0; e < s.size(); ++e)
        theirEdges.insert({std::int64_t(s[e]), std::int64_t(t[e])});
    QCOMPARE(ourEdges.size(), theirEdges.size());
    QVERIFY(ourEdges == theirEdges);
}

QTEST_GUILESS_MAIN(TestFidelity)
#include "tst_fidelity.moc"
