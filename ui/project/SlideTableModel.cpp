#include "SlideTableModel.h"

#include <QColor>

namespace tessera::ui {

SlideTableModel::SlideTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void SlideTableModel::setSlides(std::vector<core::SlideRecord> slides)
{
    beginResetModel();
    m_slides = std::move(slides);
    endResetModel();
}

int SlideTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_slides.size());
}

int SlideTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SlideTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const core::SlideRecord& s = m_slides[std::size_t(index.row())];
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case Slide:
            return s.key;
        case Label:
            return s.label;
        case Part:
            return s.part;
        case Features:
            return s.featureSets > 0 ? tr("yes") : QString();
        case Predictions:
            return s.predictions > 0 ? QVariant(s.predictions) : QVariant();
        case TrainingData:
            return s.unlikeTraining > 0 ? tr("⚠ unlike in %1 of %2").arg(s.unlikeTraining).arg(s.predictions)
                                        : QString();
        case File:
            return s.missing ? tr("missing") : tr("ok");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == TrainingData)
        return s.unlikeTraining > 0
                   ? tr("%1 of this slide's %2 predictions were made by runs whose training slides it is "
                        "unlike: "
                        "do not rely on them (the Analysis dock and the report say why)")
                         .arg(s.unlikeTraining)
                         .arg(s.predictions)
                   : tr("No prediction of this slide was flagged as unlike its run's training data");
    if (role == Qt::ToolTipRole)
        return s.missing
                   ? tr("%1 is not there (moved, deleted or not mounted): add it again from its new place")
                         .arg(s.path)
                   : s.path;
    if (role == Qt::ForegroundRole && (s.missing || (index.column() == TrainingData && s.unlikeTraining > 0)))
        return QColor(176, 0, 32);
    return {};
}

QVariant SlideTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Slide:
        return tr("Slide");
    case Label:
        return tr("Label");
    case Part:
        return tr("Split");
    case Features:
        return tr("Features");
    case Predictions:
        return tr("Predictions");
    case TrainingData:
        return tr("Training data");
    case File:
        return tr("File");
    default:
        return {};
    }
}

Qt::ItemFlags SlideTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == Label)
        f |= Qt::ItemIsEditable;
    return f;
}

bool SlideTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || index.column() != Label || !m_edit)
        return false;
    // Copies: storing the label refreshes this model, which replaces its rows.
    const QString key = m_slides[std::size_t(index.row())].key;
    return m_edit(key, value.toString().trimmed());
}

} // namespace tessera::ui
