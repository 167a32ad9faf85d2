#include "FrameEncoders.h"

#include "common/Error.h"

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <jpeglib.h>
#include <memory>
#include <openjpeg.h>

namespace tessera::core {

namespace {

struct JpegFailure {
    jpeg_error_mgr manager{};
    std::jmp_buf jump{};
};

} // namespace

QByteArray encodeJpegFrame(const cv::Mat& rgb, int quality)
{
    CV_Assert(rgb.type() == CV_8UC3);
    jpeg_compress_struct cinfo{};
    JpegFailure failure;
    cinfo.err = jpeg_std_error(&failure.manager);
    failure.manager.error_exit = [](j_common_ptr common) {
        std::longjmp(reinterpret_cast<JpegFailure*>(common->err)->jump, 1);
    };
    unsigned char* out = nullptr;
    unsigned long outSize = 0;
    // Nothing with a destructor lives between here and the longjmp target.
    if (setjmp(failure.jump)) {
        jpeg_destroy_compress(&cinfo);
        std::free(out);
        throw Error(QStringLiteral("libjpeg could not encode a %1×%2 frame").arg(rgb.cols).arg(rgb.rows));
    }
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, &out, &outSize);
    cinfo.image_width = JDIMENSION(rgb.cols);
    cinfo.image_height = JDIMENSION(rgb.rows);
    cinfo.input_components = 3;
    cinfo.in_color_space = JCS_RGB;
    jpeg_set_defaults(&cinfo);
    cinfo.write_JFIF_header = FALSE; // DICOM's Photometric Interpretation says what the stream holds
    jpeg_set_quality(&cinfo, quality, TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = const_cast<JSAMPROW>(rgb.ptr<uchar>(int(cinfo.next_scanline)));
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    QByteArray encoded(reinterpret_cast<const char*>(out), qsizetype(outSize));
    std::free(out);
    return encoded;
}

namespace {

OPJ_SIZE_T appendToBytes(void* buffer, OPJ_SIZE_T bytes, void* user)
{
    static_cast<QByteArray*>(user)->append(static_cast<const char*>(buffer), qsizetype(bytes));
    return bytes;
}

OPJ_OFF_T skipInBytes(OPJ_OFF_T bytes, void* user)
{
    auto* out = static_cast<QByteArray*>(user);
    out->append(QByteArray(qsizetype(bytes), '\0'));
    return bytes;
}

OPJ_BOOL seekInBytes(OPJ_OFF_T, void*)
{
    return OPJ_FALSE; // the J2K codec writes a codestream front to back
}

} // namespace

QByteArray encodeLosslessJpeg2000Frame(const cv::Mat& rgb)
{
    CV_Assert(rgb.type() == CV_8UC3);
    opj_image_cmptparm_t components[3];
    std::memset(components, 0, sizeof components);
    for (opj_image_cmptparm_t& c : components) {
        c.dx = c.dy = 1;
        c.w = OPJ_UINT32(rgb.cols);
        c.h = OPJ_UINT32(rgb.rows);
        c.prec = 8;
        c.sgnd = 0;
    }
    std::unique_ptr<opj_image_t, void (*)(opj_image_t*)> image(
        opj_image_create(3, components, OPJ_CLRSPC_SRGB), opj_image_destroy);
    if (!image)
        throw Error(QStringLiteral("OpenJPEG could not allocate a %1×%2 image").arg(rgb.cols).arg(rgb.rows));
    image->x1 = OPJ_UINT32(rgb.cols);
    image->y1 = OPJ_UINT32(rgb.rows);
    for (int y = 0; y < rgb.rows; ++y) {
        const uchar* row = rgb.ptr<uchar>(y);
        for (int x = 0; x < rgb.cols; ++x)
            for (int c = 0; c < 3; ++c)
                image->comps[c].data[std::size_t(y) * std::size_t(rgb.cols) + std::size_t(x)] =
                    row[3 * x + c];
    }
    opj_cparameters_t parameters;
    opj_set_default_encoder_parameters(&parameters);
    parameters.irreversible = 0; // 5/3 wavelet: lossless
    parameters.tcp_mct = 1;      // reversible colour transform (DICOM's YBR_RCT)
    parameters.tcp_numlayers = 1;
    parameters.tcp_rates[0] = 0;
    parameters.cp_disto_alloc = 1;
    int resolutions = 1;
    while (resolutions < 6 && (std::min(rgb.cols, rgb.rows) >> resolutions) >= 8)
        ++resolutions;
    parameters.numresolution = resolutions;
    std::unique_ptr<opj_codec_t, void (*)(opj_codec_t*)> codec(opj_create_compress(OPJ_CODEC_J2K),
                                                               opj_destroy_codec);
    QByteArray encoded;
    std::unique_ptr<opj_stream_t, void (*)(opj_stream_t*)> stream(opj_stream_default_create(OPJ_FALSE),
                                                                  opj_stream_destroy);
    opj_stream_set_user_data(stream.get(), &encoded, nullptr);
    opj_stream_set_write_function(stream.get(), appendToBytes);
    opj_stream_set_skip_function(stream.get(), skipInBytes);
    opj_stream_set_seek_function(stream.get(), seekInBytes);
    if (!codec || !opj_setup_encoder(codec.get(), &parameters, image.get()) ||
        !opj_start_compress(codec.get(), image.get(), stream.get()) ||
        !opj_encode(codec.get(), stream.get()) || !opj_end_compress(codec.get(), stream.get()))
        throw Error(QStringLiteral("OpenJPEG could not encode a %1×%2 frame").arg(rgb.cols).arg(rgb.rows));
    return encoded;
}

} // namespace tessera::core
