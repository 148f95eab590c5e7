#pragma once
// A 1-bit image: what a thermal printer prints. Rows are packed MSB first (the GS v 0 byte order), so
// encoding to ESC/POS is a copy and the parser can rebuild the same bytes.

#include <cstdint>
#include <span>
#include <vector>

#include "kiosk/core/common/result.hpp"

namespace kiosk::core::slip {

/// Row-major 1-bit raster; bit set = black dot. Row `y` starts at byte `y * rowBytes()`.
struct Raster {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> bits;

    /// A white raster of the given size (negative sizes are treated as 0).
    static Raster blank(int width, int height);

    [[nodiscard]] int rowBytes() const { return (width + 7) / 8; }
    /// @return the dot at (x, y); false outside the raster.
    [[nodiscard]] bool get(int x, int y) const;
    /// Sets or clears a dot; outside the raster it does nothing (drawing clips).
    void set(int x, int y, bool black = true);
    /// Grows or shrinks the height, keeping existing rows; new rows are white.
    void resizeHeight(int newHeight);
    /// Copies `src` with its top-left corner at (x, y), OR-ing black dots (clipped).
    void blit(const Raster& src, int x, int y);
    /// Rows [top, bottom) as a new raster (clamped to the image).
    [[nodiscard]] Raster rows(int top, int bottom) const;
    /// Number of black dots.
    [[nodiscard]] std::int64_t inkCount() const;
    /// 8-bit grey copy (0 = black, 255 = white), for previews and for ZXing.
    [[nodiscard]] std::vector<std::uint8_t> toGrey() const;
    friend bool operator==(const Raster&, const Raster&) = default;
};

/// Encodes a raster as a PNG file image in memory (8-bit grey). File I/O stays with the caller.
Result<std::vector<std::uint8_t>> encodePng(const Raster& raster);

/// Decodes a grey or colour PNG into a raster (dark < 128 becomes black). For golden tests.
Result<Raster> decodePng(std::span<const std::uint8_t> png);

}  // namespace kiosk::core::slip
