#include "Hdf5Walk.h"

#include <hdf5.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace tessera::core::hdf5 {

namespace {

constexpr hsize_t kBlockBytes = 64ull << 20; // data is read in blocks of rows of at most this
// The names Tessera's readers look up (a lookup by name walks other library code than iteration).
constexpr const char* kKnownNames[] = {
    "features", "feats", "coords", "cords", "ratios", "patch_labels", "mimic_patches", "label", "attention",
    "consistency", "probabilities", "stain_od",
    // trust.h5
    "feature_mean", "feature_scale", "codebook", "feature_means_centre", "feature_means_spread",
    "stain_centre", "stain_spread", "reference_scores", "reference_is_validation"};

herr_t readAttributeUnguarded(hid_t object, const char* name)
{
    const hid_t attribute = H5Aopen(object, name, H5P_DEFAULT);
    if (attribute < 0)
        return 0;
    const hid_t type = H5Aget_type(attribute);
    const hid_t space = H5Aget_space(attribute);
    const hssize_t points = space >= 0 ? H5Sget_simple_extent_npoints(space) : -1;
    if (type >= 0 && points >= 0 && points < (1 << 20)) {
        if (H5Tis_variable_str(type) > 0) {
            std::vector<char*> strings(std::size_t(std::max<hssize_t>(points, 1)), nullptr);
            const hid_t memory = H5Tcopy(H5T_C_S1);
            H5Tset_size(memory, H5T_VARIABLE);
            if (H5Aread(attribute, memory, strings.data()) >= 0)
                H5Dvlen_reclaim(memory, space, H5P_DEFAULT, strings.data());
            H5Tclose(memory);
        } else if (H5Tget_class(type) != H5T_VLEN && H5Tdetect_class(type, H5T_VLEN) <= 0) {
            const std::size_t size = H5Tget_size(type);
            if (size > 0 && size * std::size_t(std::max<hssize_t>(points, 1)) <= (4u << 20)) {
                std::vector<std::uint8_t> buffer(size * std::size_t(std::max<hssize_t>(points, 1)));
                H5Aread(attribute, type, buffer.data());
            }
        }
    }
    if (space >= 0)
        H5Sclose(space);
    if (type >= 0)
        H5Tclose(type);
    H5Aclose(attribute);
    return 0;
}

// The chunks of a chunked dataset of plain numbers, in blocks of rows (memory stays bounded): chunk
// indexes and filters (deflate …) are where damaged data can reach libhdf5's code. Contiguous and
// compact data is a plain read of bytes and is left to the reader. Datasets that declare far more
// than they store, or keep their data in other files (external, virtual), are left alone: the
// readers refuse them.
void readChunks(hid_t set)
{
    const hid_t type = H5Dget_type(set);
    const hid_t space = H5Dget_space(set);
    const hid_t properties = H5Dget_create_plist(set);
    const H5T_class_t kind = type >= 0 ? H5Tget_class(type) : H5T_NO_CLASS;
    const int rank = space >= 0 ? H5Sget_simple_extent_ndims(space) : -1;
    const bool chunked =
        properties >= 0 && H5Pget_layout(properties) == H5D_CHUNKED && H5Pget_external_count(properties) == 0;
    if (chunked && (kind == H5T_INTEGER || kind == H5T_FLOAT) && H5Tget_size(type) <= 8 && rank >= 1 &&
        rank <= 8) {
        std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
        H5Sget_simple_extent_dims(space, dims.data(), nullptr);
        hsize_t rowElements = 1;
        bool overflow = false;
        for (int i = 1; i < rank; ++i)
            overflow |=
                __builtin_mul_overflow(rowElements, std::max<hsize_t>(dims[std::size_t(i)], 1), &rowElements);
        const hsize_t rowBytes = rowElements * 8;
        const long double declared = (long double)(dims[0]) * (long double)(rowElements)*H5Tget_size(type);
        const long double stored = (long double)(H5Dget_storage_size(set));
        if (!overflow && dims[0] > 0 && rowBytes <= kBlockBytes && declared <= 1000.0L * stored + (1 << 20)) {
            const hsize_t rowsPerBlock = std::max<hsize_t>(1, kBlockBytes / rowBytes);
            std::vector<double> buffer(std::size_t(std::min(rowsPerBlock, dims[0]) * rowElements));
            for (hsize_t row = 0; row < dims[0]; row += rowsPerBlock) {
                std::vector<hsize_t> start(std::size_t(rank), 0), count = dims;
                start[0] = row;
                count[0] = std::min(rowsPerBlock, dims[0] - row);
                const hid_t memory = H5Screate_simple(rank, count.data(), nullptr);
                H5Sselect_hyperslab(space, H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr);
                const herr_t read =
                    H5Dread(set, H5T_NATIVE_DOUBLE, memory, space, H5P_DEFAULT, buffer.data());
                H5Sclose(memory);
                if (read < 0)
                    break;
            }
        }
    }
    if (properties >= 0)
        H5Pclose(properties);
    if (space >= 0)
        H5Sclose(space);
    if (type >= 0)
        H5Tclose(type);
}

// Called from inside libhdf5: no exception may cross it (std::bad_alloc would end in terminate).
herr_t readAttribute(hid_t object, const char* name, const H5A_info_t*, void*)
{
    try {
        return readAttributeUnguarded(object, name);
    } catch (...) {
        return 0;
    }
}

herr_t visitObjectUnguarded(hid_t root, const char* name, const H5O_info_t* info)
{
    H5Lexists(root, name, H5P_DEFAULT); // by name too
    const hid_t object = H5Oopen(root, name, H5P_DEFAULT);
    if (object < 0)
        return 0;
    H5Aiterate2(object, H5_INDEX_NAME, H5_ITER_NATIVE, nullptr, readAttribute, nullptr);
    if (info->type == H5O_TYPE_DATASET)
        readChunks(object);
    H5Oclose(object);
    return 0;
}

herr_t visitObject(hid_t root, const char* name, const H5O_info_t* info, void*)
{
    try {
        return visitObjectUnguarded(root, name, info);
    } catch (...) {
        return 0;
    }
}

} // namespace

void walkEverything(const char* path)
{
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    if (H5Fis_hdf5(path) <= 0)
        return;
    const hid_t file = H5Fopen(path, H5F_ACC_RDONLY, H5P_DEFAULT);
    if (file < 0)
        return;
    for (const char* name : kKnownNames)
        if (H5Lexists(file, name, H5P_DEFAULT) > 0) {
            const hid_t object = H5Oopen(file, name, H5P_DEFAULT);
            if (object < 0)
                continue;
            H5Aiterate2(object, H5_INDEX_NAME, H5_ITER_NATIVE, nullptr, readAttribute, nullptr);
            H5O_info_t info{};
            if (H5Oget_info2(object, &info, H5O_INFO_BASIC) >= 0 && info.type == H5O_TYPE_DATASET)
                readChunks(object);
            H5Oclose(object);
        }
    H5Ovisit2(file, H5_INDEX_NAME, H5_ITER_NATIVE, visitObject, nullptr, H5O_INFO_BASIC);
    H5Fclose(file);
}

} // namespace tessera::core::hdf5
