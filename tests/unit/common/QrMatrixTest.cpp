#include "kiosk/core/common/qr_matrix.hpp"

#include <gtest/gtest.h>

#include <string>

#include "kiosk/core/slip/qr_image.hpp"

using namespace kiosk::core;

// The one encoder: its matrix is what the slip prints and the screen draws.
TEST(QrMatrixTest, EncodesAndBothDrawingsUseTheSameMatrix) {
    const std::string url = "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=000.00.06.H56-261120-0361";
    auto m = encodeQr(url);
    ASSERT_TRUE(m) << m.error().message;
    EXPECT_GE(m->size, 21);
    EXPECT_EQ((m->size - 17) % 4, 0);  // QR versions: 21, 25, 29, ... modules
    EXPECT_EQ(m->modules.size(), static_cast<std::size_t>(m->size * m->size));
    // Finder pattern corners are dark.
    EXPECT_TRUE(m->dark(0, 0));
    EXPECT_TRUE(m->dark(m->size - 1, 0));
    EXPECT_TRUE(m->dark(0, m->size - 1));
    auto raster = slip::renderQr(url, 3);
    ASSERT_TRUE(raster);
    EXPECT_EQ(raster->width, (m->size + 2 * kQrQuietZoneModules) * 3);
    for (int y = 0; y < m->size; ++y) {
        for (int x = 0; x < m->size; ++x) {
            ASSERT_EQ(raster->get((x + kQrQuietZoneModules) * 3 + 1, (y + kQrQuietZoneModules) * 3 + 1), m->dark(x, y));
        }
    }
    EXPECT_GT(encodeQr(url, QrEcc::H)->size, encodeQr(url, QrEcc::L)->size);
}

TEST(QrMatrixTest, RejectsEmptyAndTooLongPayloads) {
    EXPECT_FALSE(encodeQr(""));
    EXPECT_FALSE(encodeQr(std::string(kMaxQrPayloadBytes + 1, 'a')));
    EXPECT_TRUE(encodeQr(std::string(kMaxQrPayloadBytes, 'a')));
}
