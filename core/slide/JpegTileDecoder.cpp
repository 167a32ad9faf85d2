#include "JpegTileDecoder.h"

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <jpeglib.h>

static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "BGRA bytes are ARGB32 words only on little-endian");

namespace tessera::core {

namespace {

// One libjpeg decompressor per thread: creating it costs more than parsing a tile's header.
// Everything that crosses the setjmp below is plain data, so a longjmp skips no destructor.
struct Decompressor {
    jpeg_decompress_struct cinfo{};
    jpeg_error_mgr errorManager{};
    std::jmp_buf jump{};
    char message[JMSG_LENGTH_MAX] = {};

    bool holdsTables = false; // tables from an earlier tile stay loaded until replaced
    bool broken = false;      // libjpeg could not even create the decompressor

    Decompressor() { create(); }
    ~Decompressor() { jpeg_destroy_decompress(&cinfo); }
    Decompressor(const Decompressor&) = delete;
    Decompressor& operator=(const Decompressor&) = delete;

    // A tile without JPEGTables must not borrow another file's tables: start afresh.
    void forgetTables()
    {
        jpeg_destroy_decompress(&cinfo);
        cinfo = {};
        holdsTables = false;
        create();
    }

private:
    void create()
    {
        cinfo.err = jpeg_std_error(&errorManager);
        errorManager.error_exit = [](j_common_ptr common) {
            auto* self = reinterpret_cast<Decompressor*>(common->client_data);
            (*common->err->format_message)(common, self->message);
            std::longjmp(self->jump, 1);
        };
        // A warning means corrupt data: treat it as an error, as OpenSlide does.
        errorManager.emit_message = [](j_common_ptr common, int level) {
            if (level < 0)
                (*common->err->error_exit)(common);
        };
        // libjpeg reports a failure to create (out of memory) through error_exit too; it keeps
        // err and client_data when it clears the struct.
        cinfo.client_data = this;
        if (setjmp(jump)) {
            broken = true;
            return;
        }
        jpeg_create_decompress(&cinfo);
    }
};

// Returns false with d.message set on failure.
bool decode(Decompressor& d, const JpegTileSource& source, int width, int height, uint8_t* dest,
            std::size_t stride)
{
    if (!source.tables && d.holdsTables)
        d.forgetTables();
    if (d.broken) {
        std::snprintf(d.message, sizeof d.message, "libjpeg could not start a decompressor");
        return false;
    }
    jpeg_decompress_struct* cinfo = &d.cinfo;
    if (setjmp(d.jump)) {
        jpeg_abort_decompress(cinfo);
        return false;
    }
    if (source.tables) {
        d.holdsTables = true; // even if reading them fails half-way
        jpeg_mem_src(cinfo, source.tables, static_cast<unsigned long>(source.tablesSize));
        if (jpeg_read_header(cinfo, FALSE) != JPEG_HEADER_TABLES_ONLY) {
            std::snprintf(d.message, sizeof d.message, "the JPEG tables are invalid");
            jpeg_abort_decompress(cinfo);
            return false;
        }
    }
    jpeg_mem_src(cinfo, source.data, static_cast<unsigned long>(source.size));
    if (jpeg_read_header(cinfo, TRUE) != JPEG_HEADER_OK) {
        std::snprintf(d.message, sizeof d.message, "no JPEG image header");
        jpeg_abort_decompress(cinfo);
        return false;
    }
    cinfo->jpeg_color_space = source.rgbStream ? JCS_RGB : JCS_YCbCr;
    cinfo->out_color_space = JCS_EXT_BGRA;
    jpeg_start_decompress(cinfo);
    if (int(cinfo->output_width) != width || int(cinfo->output_height) != height) {
        std::snprintf(d.message, sizeof d.message, "the JPEG tile is %ux%u, expected %dx%d",
                      cinfo->output_width, cinfo->output_height, width, height);
        jpeg_abort_decompress(cinfo);
        return false;
    }
    JSAMPROW rows[16];
    while (cinfo->output_scanline < cinfo->output_height) {
        const int want =
            std::min({int(cinfo->rec_outbuf_height), 16, int(cinfo->output_height - cinfo->output_scanline)});
        for (int i = 0; i < want; ++i)
            rows[i] = dest + (cinfo->output_scanline + JDIMENSION(i)) * stride;
        jpeg_read_scanlines(cinfo, rows, JDIMENSION(want));
    }
    jpeg_finish_decompress(cinfo);
    return true;
}

} // namespace

QString decodeJpegTile(const JpegTileSource& source, int width, int height, uint8_t* dest, std::size_t stride)
{
    thread_local Decompressor decompressor;
    if (decode(decompressor, source, width, height, dest, stride))
        return {};
    return QString::fromLocal8Bit(decompressor.message);
}

} // namespace tessera::core
