#include "kiosk/core/common/grey_png.hpp"

#include <algorithm>
#include <cstring>

// stb_image_write and stb_image are implemented here, once for the whole program; no stdio so the
// core does no file I/O.
#define STBI_WRITE_NO_STDIO
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_NO_STDIO
// decodeImage (scan/image_view.hpp: scan-image, the image-file camera) promises PNG, JPEG, BMP and
// PGM/PPM; STBI_ONLY_PNG alone made every JPEG photo "unknown image type".
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_BMP
#define STBI_ONLY_PNM
#define STB_IMAGE_IMPLEMENTATION
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wsign-compare"
#endif
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace kiosk::core {

namespace {
/// stb_image_write's output callback: appends each chunk to the std::vector in `context`.
void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* p = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), p, p + size);
}
/// Positive width and height whose product is within the limit; "" when fine.
std::string checkSize(int w, int h, const ImageLimits& limits) {
    if (w <= 0 || h <= 0) return "the image header gives no usable size";
    const std::int64_t pixels = static_cast<std::int64_t>(w) * h;
    if (pixels > limits.maxPixels) {
        return "image is " + std::to_string(w) + "x" + std::to_string(h) + " pixels, over the limit of " +
               std::to_string(limits.maxPixels) + " pixels";
    }
    return {};
}

/// stb reads a binary PGM/PPM header ("P5"/"P6", width, height, maximum value) with an int that
/// overflows on a long digit run (undefined behaviour, and a negative width). Walk the header the way
/// stb does and refuse numbers of more than 9 digits, so stb only ever sees numbers that fit, and a
/// maximum value over 255 (16-bit samples, which stb 2.27 mishandles).
/// @return "" when the bytes are not a PNM or its header numbers fit; otherwise the reason
std::string checkPnmHeader(std::span<const std::uint8_t> bytes) {
    if (bytes.size() < 2 || bytes[0] != 'P' || (bytes[1] != '5' && bytes[1] != '6')) return {};
    std::size_t i = 2;
    auto at = [&](std::size_t k) { return k < bytes.size() ? static_cast<char>(bytes[k]) : '\0'; };
    auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; };
    for (int field = 0; field < 3; ++field) {
        for (;;) {  // whitespace and # comments, as stbi__pnm_skip_whitespace
            while (i < bytes.size() && isSpace(at(i))) ++i;
            if (at(i) != '#') break;
            while (i < bytes.size() && at(i) != '\n' && at(i) != '\r') ++i;
        }
        std::size_t digits = 0;
        long value = 0;
        while (i < bytes.size() && at(i) >= '0' && at(i) <= '9') {
            value = value * 10 + (at(i) - '0');
            ++i;
            if (++digits > 9) return "PNM header number too long";
        }
        // stb 2.27 converts a 16-bit PNM to one channel as if it were 8-bit, then reads twice the
        // buffer (a heap overflow the image fuzzer found). Receipts are 8-bit: refuse the rest.
        if (field == 2 && value > 255) return "16-bit PGM/PPM is not supported";
    }
    return {};
}

/// stb 2.27 (Debian 12) builds a JPEG Huffman table from a DHT segment's 16 code counts without
/// checking that they add up to at most 256: a larger sum writes past the table (found by the image
/// fuzzer; later stb versions check it). Every place stb could read a DHT from (an FF C4 marker) is
/// checked here first, table by table as stb reads it.
/// @return "" when every Huffman table fits; otherwise the reason
std::string checkJpegHuffmanTables(std::span<const std::uint8_t> bytes) {
    // What stb takes for a JPEG: an SOI marker, FF D8, possibly after FF fill bytes.
    std::size_t start = 0;
    while (start < bytes.size() && bytes[start] == 0xFF) ++start;
    if (start == 0 || start >= bytes.size() || bytes[start] != 0xD8) return {};
    auto at = [&](std::size_t k) -> unsigned { return k < bytes.size() ? bytes[k] : 0U; };  // stb reads 0 past the end
    // A real JPEG has a few DHT markers (a few dozen in a progressive one with a thumbnail); the cap
    // keeps this walk linear in the file size whatever the file holds.
    constexpr int kMaxHuffmanMarkers = 256;
    int markers = 0;
    for (std::size_t i = start; i + 1 < bytes.size(); ++i) {
        if (bytes[i] != 0xFF || bytes[i + 1] != 0xC4) continue;
        if (++markers > kMaxHuffmanMarkers) return "too many JPEG Huffman table markers";
        const std::size_t length = (at(i + 2) << 8) | at(i + 3);
        std::size_t k = i + 4;
        auto left = static_cast<std::ptrdiff_t>(length) - 2;
        while (left > 0 && k < bytes.size()) {
            unsigned count = 0;
            for (std::size_t c = 1; c <= 16; ++c) count += at(k + c);
            if (count > 256) return "bad JPEG Huffman table";
            k += 17 + count;
            left -= static_cast<std::ptrdiff_t>(17 + count);
        }
    }
    return {};
}

/// stb 2.27 decodes a scan with whatever its Huffman table slot holds: a scan that uses a table no DHT
/// defined yet reads outside the (all-zero) table (found by the image fuzzer: index -38). Every scan
/// header (FF DA) must find the tables it uses defined by a DHT (FF C4) earlier in the file: DC and AC
/// tables for a baseline scan; for a progressive one (SOF2) the DC table of a first DC scan and the AC
/// table of an AC scan. Markers are looked for everywhere, as in checkJpegHuffmanTables.
/// @return "" when the bytes are not a JPEG or every scan's tables are defined; otherwise the reason
std::string checkJpegScanTables(std::span<const std::uint8_t> bytes) {
    std::size_t start = 0;
    while (start < bytes.size() && bytes[start] == 0xFF) ++start;
    if (start == 0 || start >= bytes.size() || bytes[start] != 0xD8) return {};
    auto at = [&](std::size_t k) -> unsigned { return k < bytes.size() ? bytes[k] : 0U; };
    bool defined[2][4] = {};  // [tc: 0 DC, 1 AC][th]
    bool progressive = false;
    for (std::size_t i = start; i + 1 < bytes.size(); ++i) {
        if (bytes[i] != 0xFF) continue;
        const unsigned marker = bytes[i + 1];
        if (marker == 0xC2) progressive = true;
        if (marker == 0xC4) {
            const std::size_t length = (at(i + 2) << 8) | at(i + 3);
            std::size_t k = i + 4;
            auto left = static_cast<std::ptrdiff_t>(length) - 2;
            while (left > 0 && k < bytes.size()) {
                const unsigned q = at(k);
                if ((q >> 4) <= 1 && (q & 15) <= 3) defined[q >> 4][q & 15] = true;
                unsigned count = 0;
                for (std::size_t c = 1; c <= 16; ++c) count += at(k + c);
                k += 17 + count;
                left -= static_cast<std::ptrdiff_t>(17 + count);
            }
        } else if (marker == 0xDA) {
            const unsigned components = at(i + 4);
            const std::size_t after = i + 5 + 2 * std::size_t{components};
            const unsigned ss = at(after);
            const unsigned ah = at(after + 2) >> 4;
            const bool needDc = !progressive || (ss == 0 && ah == 0);
            const bool needAc = !progressive || ss > 0;
            for (unsigned c = 0; c < components && c < 4; ++c) {
                const unsigned tables = at(i + 6 + 2 * std::size_t{c});
                if ((needDc && (tables >> 4 > 3 || !defined[0][tables >> 4])) ||
                    (needAc && ((tables & 15) > 3 || !defined[1][tables & 15]))) {
                    return "JPEG scan uses an undefined Huffman table";
                }
            }
        }
    }
    return {};
}

/// stb 2.27 grows its buffer to a PNG chunk's declared length before it reads the chunk: a 283-byte
/// file whose IDAT claims 1.4 GB allocated 2 GB (found by the image fuzzer). Every chunk up to IEND
/// must fit in the file.
/// @return "" when the bytes are not a PNG or every chunk fits; otherwise the reason
std::string checkPngChunks(std::span<const std::uint8_t> bytes) {
    static constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (bytes.size() < 8 || !std::equal(kSignature, kSignature + 8, bytes.begin())) return {};
    std::size_t pos = 8;
    while (pos + 8 <= bytes.size()) {
        const std::size_t length = (std::size_t{bytes[pos]} << 24) | (std::size_t{bytes[pos + 1]} << 16) |
                                   (std::size_t{bytes[pos + 2]} << 8) | std::size_t{bytes[pos + 3]};
        if (length > bytes.size() - pos - 8) return "PNG chunk runs past the end of the file";
        if (bytes[pos + 4] == 'I' && bytes[pos + 5] == 'E' && bytes[pos + 6] == 'N' && bytes[pos + 7] == 'D') break;
        pos += 12 + length;
    }
    return {};
}

}  // namespace

std::vector<std::uint8_t> encodeGreyPng(const std::uint8_t* pixels, int width, int height, int stride) {
    std::vector<std::uint8_t> png;
    if (stbi_write_png_to_func(appendBytes, &png, width, height, 1, pixels, stride) == 0) png.clear();
    return png;
}

std::expected<GreyPixels, std::string> decodeGreyPng(std::span<const std::uint8_t> png, const ImageLimits& limits) {
    if (png.empty()) return std::unexpected(std::string{"empty image"});
    if (auto problem = checkPnmHeader(png); !problem.empty()) return std::unexpected(std::move(problem));
    if (auto problem = checkJpegHuffmanTables(png); !problem.empty()) return std::unexpected(std::move(problem));
    if (auto problem = checkJpegScanTables(png); !problem.empty()) return std::unexpected(std::move(problem));
    if (auto problem = checkPngChunks(png); !problem.empty()) return std::unexpected(std::move(problem));
    int w = 0;
    int h = 0;
    int channels = 0;
    const int size = static_cast<int>(png.size());
    // The header alone: nothing is allocated for pixels until the size is known to be sane.
    if (stbi_info_from_memory(png.data(), size, &w, &h, &channels) == 0) {
        const char* why = stbi_failure_reason();
        return std::unexpected(std::string{why ? why : "unknown image type"});
    }
    if (auto problem = checkSize(w, h, limits); !problem.empty()) return std::unexpected(std::move(problem));
    // Ask stb for one channel: it converts colour to luminance itself.
    unsigned char* px = stbi_load_from_memory(png.data(), size, &w, &h, &channels, 1);
    if (px == nullptr) {
        const char* why = stbi_failure_reason();
        return std::unexpected(std::string{why ? why : "unknown"});
    }
    // The decoder read the header again; never trust that it agrees with the first look.
    if (auto problem = checkSize(w, h, limits); !problem.empty()) {
        stbi_image_free(px);
        return std::unexpected(std::move(problem));
    }
    GreyPixels out;
    out.width = w;
    out.height = h;
    out.pixels.assign(px, px + static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    stbi_image_free(px);
    return out;
}

}  // namespace kiosk::core
