// The annotations of one document as table rows: class, shape, area, perimeter, points, author,
// modified. Follows the set's edits; sorts numerically through Qt::UserRole.
#pragma once

#include <QAbstractTableModel>
#include <QPointer>

#include "annotations/Annotation.h"
#include <optional>

namespace tessera::core {
class AnnotationSet;
}

namespace tessera::ui {

class AnnotationTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        ClassColumn,
        ShapeColumn,
        AreaColumn,
        PerimeterColumn,
        PointsColumn,
        AuthorColumn,
        ModifiedColumn,
        ColumnCount
    };
    static constexpr int kIdRole = Qt::UserRole + 1;   // the annotation's QUuid
    static constexpr int kSortRole = Qt::UserRole + 2; // numbers as numbers

    explicit AnnotationTableModel(QObject* parent = nullptr);
    // Shows `set` (nullptr: nothing); `micronsPerPixel` turns areas into µm².
    void setAnnotations(core::AnnotationSet* set, std::optional<double> micronsPerPixel);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void refresh();
    void remeasure();

    QPointer<core::AnnotationSet> m_set;
    std::optional<double> m_mpp;
    // Measured once per change, not per sort comparison (100 000 rows sort in one pass).
    // Measured when a row is first shown (or sorted by): 100 000 shapes are not all measured
    // on the GUI thread each time one is added.
    const core::AnnotationMeasure& measureOf(int row) const;
    mutable std::vector<std::optional<core::AnnotationMeasure>> m_measures;
};

} // namespace tessera::ui
