// buildDevices against platform_fake (what kiosk_unit_tests links): the composition root makes what the
// settings describe and nothing else.
#include "kiosk/app/composition/devices.hpp"

#include <gtest/gtest.h>

namespace app = kiosk::app;
namespace core = kiosk::core;

TEST(DevicesTest, DefaultsGiveAnHttpClientAndNoDevices) {
    const core::Settings settings;  // no printer, no camera, no scanner devices
    app::Devices devices = app::buildDevices(settings);
    EXPECT_NE(devices.http, nullptr);
    EXPECT_EQ(devices.printer, nullptr);
    EXPECT_EQ(devices.camera, nullptr);
    EXPECT_TRUE(devices.scanners.empty());
}

TEST(DevicesTest, BuildsWhatTheSettingsDescribe) {
    core::Settings settings;
    settings.printer.uri = "tcp://printer.local";
    settings.camera.source = core::CameraSource::Synthetic;
    settings.scanner.serialDevice = "/dev/ttyACM0";
    settings.scanner.evdevDevice = "/dev/input/event7";
    app::Devices devices = app::buildDevices(settings);
    ASSERT_NE(devices.printer, nullptr);
    ASSERT_NE(devices.camera, nullptr);
    EXPECT_EQ(devices.scanners.size(), 2u);
    // The fake platform reports devices it cannot have as missing, with a reason.
    EXPECT_EQ(devices.scanners[0]->status().state, platform::CameraStatus::State::Missing);
    EXPECT_FALSE(devices.scanners[0]->status().reason.empty());
}

TEST(DevicesTest, OnlyTheAskedForDevicesAreBuilt) {
    core::Settings settings;
    settings.printer.uri = "file:/tmp/slips.bin";
    settings.camera.source = core::CameraSource::Synthetic;
    app::Devices devices = app::buildDevices(settings, app::DeviceSet::printerOnly());
    EXPECT_EQ(devices.http, nullptr);
    EXPECT_NE(devices.printer, nullptr);
    EXPECT_EQ(devices.camera, nullptr);
}

// An unusable URI (one that slipped past validation) leaves printing off instead of failing the start.
TEST(DevicesTest, UnusablePrinterUriMeansNoPrinter) {
    core::Settings settings;
    settings.printer.uri = "lp0";
    EXPECT_EQ(app::buildDevices(settings).printer, nullptr);
}
