// The geometry of a synthetic slide: tissue pieces (with holes) and tumour regions, level 0.
#pragma once

#include "SynthSpec.h"

#include <QPolygonF>
#include <QRectF>
#include <vector>

namespace tessera::core {

struct TissuePiece {
    QPolygonF outline;            // closed, level-0 pixels
    std::vector<QPolygonF> holes; // lumen/fat: inside the outline, background coloured
};

// Built deterministically from a SynthSpec. By construction every tumour lies inside one
// piece's outline and touches none of its holes, so the polygons are exact ground truth.
class SlideScene {
public:
    explicit SlideScene(const SynthSpec& spec);

    const SynthSpec& spec() const { return m_spec; }
    const std::vector<TissuePiece>& pieces() const { return m_pieces; }
    const std::vector<QPolygonF>& tumours() const { return m_tumours; }

private:
    SynthSpec m_spec;
    std::vector<TissuePiece> m_pieces;
    std::vector<QPolygonF> m_tumours;
};

} // namespace tessera::core
