#include "kiosk/core/slip/qr_image.hpp"

namespace kiosk::core::slip {

Result<int> qrModuleCount(std::string_view payload) {
    auto matrix = encodeQr(payload);
    if (!matrix) {
        return std::unexpected(matrix.error());
    }
    return matrix->size;
}

Result<Raster> renderQr(std::string_view payload, int moduleDots) {
    if (moduleDots < 1 || moduleDots > 64) {
        return fail(ErrorKind::InvalidInput, "QR module size must be 1..64 dots");
    }
    auto matrix = encodeQr(payload);
    if (!matrix) {
        return std::unexpected(matrix.error());
    }
    const int n = matrix->size;
    const int side = (n + 2 * kQrQuietZoneModules) * moduleDots;
    Raster r = Raster::blank(side, side);
    for (int my = 0; my < n; ++my) {
        for (int mx = 0; mx < n; ++mx) {
            if (!matrix->dark(mx, my)) {
                continue;
            }
            const int x0 = (mx + kQrQuietZoneModules) * moduleDots;
            const int y0 = (my + kQrQuietZoneModules) * moduleDots;
            for (int dy = 0; dy < moduleDots; ++dy) {
                for (int dx = 0; dx < moduleDots; ++dx) {
                    r.set(x0 + dx, y0 + dy);
                }
            }
        }
    }
    return r;
}

}  // namespace kiosk::core::slip
