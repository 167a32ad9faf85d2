#include "AnnotationTableModel.h"

#include "annotations/AnnotationSet.h"

#include <QLocale>

namespace tessera::ui {

AnnotationTableModel::AnnotationTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void AnnotationTableModel::setAnnotations(core::AnnotationSet* set, std::optional<double> micronsPerPixel)
{
    beginResetModel();
    if (m_set)
        disconnect(m_set, nullptr, this, nullptr);
    m_set = set;
    m_mpp = micronsPerPixel;
    remeasure();
    if (set) {
        connect(set, &core::AnnotationSet::edited, this, &AnnotationTableModel::refresh);
        connect(set, &core::AnnotationSet::wasReset, this, &AnnotationTableModel::refresh);
        connect(set, &core::AnnotationSet::classesChanged, this, &AnnotationTableModel::refresh);
    }
    endResetModel();
}

void AnnotationTableModel::refresh()
{
    // Rows are the set's order, which a removal changes: reset (cheap for views of this model).
    beginResetModel();
    remeasure();
    endResetModel();
}

void AnnotationTableModel::remeasure()
{
    m_measures.assign(m_set ? size_t(m_set->size()) : 0, std::nullopt);
}

const core::AnnotationMeasure& AnnotationTableModel::measureOf(int row) const
{
    std::optional<core::AnnotationMeasure>& m = m_measures[size_t(row)];
    if (!m)
        m = core::measure(m_set->annotations()[size_t(row)].geometry, m_mpp);
    return *m;
}

int AnnotationTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_set ? 0 : m_set->size();
}

int AnnotationTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnnotationTableModel::data(const QModelIndex& index, int role) const
{
    if (!m_set || !index.isValid() || index.row() >= m_set->size() ||
        size_t(index.row()) >= m_measures.size())
        return {};
    const core::Annotation& a = m_set->annotations()[size_t(index.row())];
    if (role == kIdRole)
        return a.id;
    if (role == Qt::DecorationRole && index.column() == ClassColumn)
        return core::displayColor(a, m_set->classes());
    if (role == Qt::TextAlignmentRole && index.column() >= AreaColumn && index.column() <= PointsColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != kSortRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case ClassColumn:
        return a.className.isEmpty() ? tr("Unclassified") : a.className;
    case ShapeColumn:
        return a.detection ? tr("detection (%1)").arg(core::shapeKindName(a.geometry.kind))
                           : core::shapeKindName(a.geometry.kind);
    case AreaColumn: {
        const double area = measureOf(index.row()).area;
        return role == kSortRole ? QVariant(area) : QVariant(locale.toString(area, 'f', m_mpp ? 1 : 0));
    }
    case PerimeterColumn: {
        const double perimeter = measureOf(index.row()).perimeter;
        return role == kSortRole ? QVariant(perimeter) : QVariant(locale.toString(perimeter, 'f', 1));
    }
    case PointsColumn:
        return a.geometry.vertexCount();
    case AuthorColumn:
        return a.author;
    case ModifiedColumn:
        return role == kSortRole ? QVariant(a.modified)
                                 : QVariant(locale.toString(a.modified.toLocalTime(), QLocale::ShortFormat));
    default:
        return {};
    }
}

QVariant AnnotationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const bool microns = m_mpp.has_value();
    switch (section) {
    case ClassColumn:
        return tr("Class");
    case ShapeColumn:
        return tr("Shape");
    case AreaColumn:
        return microns ? tr("Area (µm²)") : tr("Area (px²)");
    case PerimeterColumn:
        return microns ? tr("Perimeter (µm)") : tr("Perimeter (px)");
    case PointsColumn:
        return tr("Points");
    case AuthorColumn:
        return tr("Author");
    case ModifiedColumn:
        return tr("Modified");
    default:
        return {};
    }
}

} // namespace tessera::ui
