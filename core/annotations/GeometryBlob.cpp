// "TGB1", then the parts (ring count; per ring: point count and x, y doubles), then the loose
// points (count, x, y). Little-endian, as every machine Tessera runs on.
#include "AnnotationFiles.h"

#include <cstring>

namespace tessera::core {

namespace {

constexpr char kMagic[4] = {'T', 'G', 'B', '1'};

void put(QByteArray& out, quint32 v)
{
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

void putRing(QByteArray& out, const QPolygonF& ring)
{
    put(out, quint32(ring.size()));
    // QPointF is two doubles, laid out as x, y.
    static_assert(sizeof(QPointF) == 2 * sizeof(double));
    if (!ring.isEmpty()) // an empty ring's data() is null, which append must not be given
        out.append(reinterpret_cast<const char*>(ring.constData()), ring.size() * qsizetype(sizeof(QPointF)));
}

class Reader {
public:
    explicit Reader(const QByteArray& bytes) : m_data(bytes.constData()), m_left(size_t(bytes.size())) {}
    bool take(void* into, size_t n)
    {
        if (n > m_left)
            return false;
        if (n == 0)
            return true;
        std::memcpy(into, m_data, n);
        m_data += n;
        m_left -= n;
        return true;
    }
    bool ring(QPolygonF& ring)
    {
        quint32 n = 0;
        if (!take(&n, sizeof n) || size_t(n) * sizeof(QPointF) > m_left)
            return false;
        ring.resize(qsizetype(n));
        return take(ring.data(), size_t(n) * sizeof(QPointF));
    }
    bool done() const { return m_left == 0; }

private:
    const char* m_data;
    size_t m_left;
};

} // namespace

QByteArray geometryToBlob(const Geometry& g)
{
    QByteArray out;
    out.reserve(16 + qsizetype(g.vertexCount()) * 16 + qsizetype(g.parts.size()) * 8);
    out.append(kMagic, 4);
    put(out, quint32(g.parts.size()));
    for (const PolygonPart& part : g.parts) {
        put(out, quint32(1 + part.holes.size()));
        putRing(out, part.outer);
        for (const QPolygonF& hole : part.holes)
            putRing(out, hole);
    }
    putRing(out, g.points);
    return out;
}

std::optional<Geometry> geometryFromBlob(const QByteArray& bytes, ShapeKind kind)
{
    if (bytes.size() < 8 || std::memcmp(bytes.constData(), kMagic, 4) != 0)
        return std::nullopt;
    const QByteArray body = bytes.mid(4); // the reader points into it: keep it alive
    Reader r(body);
    Geometry g;
    g.kind = kind;
    quint32 parts = 0;
    if (!r.take(&parts, sizeof parts) || parts > 1000000)
        return std::nullopt;
    g.parts.resize(parts);
    for (PolygonPart& part : g.parts) {
        quint32 rings = 0;
        if (!r.take(&rings, sizeof rings) || rings == 0 || !r.ring(part.outer))
            return std::nullopt;
        part.holes.resize(rings - 1);
        for (QPolygonF& hole : part.holes)
            if (!r.ring(hole))
                return std::nullopt;
    }
    if (!r.ring(g.points) || !r.done())
        return std::nullopt;
    return g;
}

} // namespace tessera::core
