// The scanning path end to end with real threads: synthetic and image-file cameras, a serial
// scanner on a pseudo-terminal, a missing V4L2 camera, dedupe, preview and outline snapshots.

#include <gtest/gtest.h>

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "kiosk/app/services/scan_service.hpp"
#include "platform/common/camera_files.hpp"
#include "platform/common/camera_synthetic.hpp"
#include "platform/linux/camera_v4l2.hpp"
#include "platform/linux/scanner_evdev.hpp"
#include "platform/linux/scanner_serial.hpp"

#include <linux/input-event-codes.h>

namespace {

using namespace std::chrono_literals;
using namespace kiosk;

/// Collects scan events from worker threads; wait() blocks until `n` arrived or the timeout.
class Events {
public:
    void add(app::ScanEvent e) {
        {
            std::lock_guard lock(m_mutex);
            m_events.push_back(std::move(e));
        }
        m_cv.notify_all();
    }
    bool wait(std::size_t n, std::chrono::milliseconds timeout) {
        std::unique_lock lock(m_mutex);
        return m_cv.wait_for(lock, timeout, [&] { return m_events.size() >= n; });
    }
    std::vector<app::ScanEvent> all() {
        std::lock_guard lock(m_mutex);
        return m_events;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::vector<app::ScanEvent> m_events;
};

/// Stand-in for readReceipt that keeps the text, so tests can check what was decoded.
core::ReceiptReading keepText(std::string_view raw) { return core::DossierCode{std::string{raw}}; }

std::string textOf(const app::ScanEvent& e) {
    const auto* code = std::get_if<core::DossierCode>(&e.reading);
    return code ? code->value : std::string{};
}

TEST(ScanServiceTest, SyntheticCameraScanIsThrottledWithPreviewAndOutline) {
    Events events;
    std::atomic<int> previews{0};
    app::ScanServiceOptions opt;
    opt.repeatInterval = std::chrono::milliseconds(2000);
    app::ScanService service(opt, keepText, [&](app::ScanEvent e) { events.add(std::move(e)); }, [&] { ++previews; });
    platform::SyntheticCameraOptions cam;
    cam.width = 640;
    cam.height = 480;
    cam.fps = 30;
    cam.modulePixels = 4;
    service.setCamera(platform::makeSyntheticCamera(cam));
    service.start();
    ASSERT_TRUE(events.wait(1, 5s));
    std::this_thread::sleep_for(600ms);  // ~18 more frames with the same code
    const auto all = events.all();
    ASSERT_EQ(all.size(), 1u) << "the same code held under the camera is reported once per repeat interval";
    EXPECT_EQ(textOf(all[0]), cam.text);
    EXPECT_EQ(all[0].source, app::ScanSource::Camera);
    EXPECT_LE(all[0].arrival, all[0].reported);

    app::PreviewFrame preview;
    ASSERT_TRUE(service.latestPreview(preview));
    EXPECT_LE(preview.image.width, opt.previewMaxWidth);
    EXPECT_LE(preview.image.height, opt.previewMaxHeight);
    EXPECT_EQ(preview.sourceWidth, 640);
    EXPECT_GT(previews.load(), 0);

    const auto outline = service.lastDetection();
    ASSERT_TRUE(outline.has_value());
    for (const auto& p : outline->points) {
        EXPECT_GT(p.x, 0.2f);
        EXPECT_LT(p.x, 0.8f);
        EXPECT_GT(p.y, 0.2f);
        EXPECT_LT(p.y, 1.0f);
    }
    const auto stats = service.stats();
    EXPECT_GT(stats.framesDecoded, 5u);
    EXPECT_EQ(stats.scansReported, 1u);
    EXPECT_EQ(service.cameraStatus().state, platform::CameraStatus::State::Running);

    // Still held after the interval: reported again (the flow, not the scan service, decides that a
    // receipt still in view is no new lookup).
    EXPECT_TRUE(events.wait(2, 4s));
    service.stop();
    EXPECT_EQ(service.cameraStatus().state, platform::CameraStatus::State::Stopped);
}

TEST(ScanServiceTest, FrameWithoutCodeReportsNothing) {
    Events events;
    app::ScanService service({}, keepText, [&](app::ScanEvent e) { events.add(std::move(e)); });
    platform::SyntheticCameraOptions cam;
    cam.width = 640;
    cam.height = 480;
    cam.fps = 30;
    cam.text.clear();
    service.setCamera(platform::makeSyntheticCamera(cam));
    service.start();
    // Several frames must have been decoded before "nothing reported" means anything; a loaded
    // machine gets a longer deadline rather than a false failure.
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (service.stats().framesDecoded <= 3 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(20ms);
    }
    EXPECT_GT(service.stats().framesDecoded, 3u);
    EXPECT_FALSE(events.wait(1, 100ms));
    EXPECT_FALSE(service.lastDetection().has_value());
}

TEST(ScanServiceTest, FileCameraPlaysAFolderInOrder) {
    // Three images of the decode set (a PNG and two JPEGs), copied so the folder holds exactly them.
    const auto dir = std::filesystem::temp_directory_path() / ("kiosk-scan-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::filesystem::path data = std::filesystem::path(KIOSK_TEST_DATA_DIR) / "scan";
    const std::vector<std::string> cases = {"plain-qr-bare-offcentre.png", "rotated-qr-url-45.png", "inverted-qr-url-fill85-noise.jpg"};
    std::vector<std::string> expected;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const std::filesystem::path image = data / cases[i];
        std::filesystem::copy_file(image, dir / (std::to_string(i) + image.extension().string()),
                                   std::filesystem::copy_options::overwrite_existing);
        std::ifstream in(std::filesystem::path(image).replace_extension(".txt"));
        expected.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    std::ofstream(dir / "notes.txt") << "not an image";  // skipped: not an image extension

    Events events;
    app::ScanServiceOptions options;
    options.repeatInterval = std::chrono::seconds(5);  // each image once, however long it is shown
    app::ScanService service(options, keepText, [&](app::ScanEvent e) { events.add(std::move(e)); });
    platform::FileCameraOptions cam;
    cam.paths = {dir.string()};
    cam.fps = 15;
    cam.secondsPerImage = 0.8;
    cam.loop = false;
    service.setCamera(platform::makeFileCamera(cam));
    service.start();
    ASSERT_TRUE(events.wait(3, 8s)) << "got " << events.all().size();
    service.stop();
    const auto all = events.all();
    ASSERT_EQ(all.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(textOf(all[i]), expected[i]) << cases[i];
    std::filesystem::remove_all(dir);
}

// A file removed while it is shown is a receipt taken away: the camera stops showing it at once, not
// when its time is up (the soak's camera sessions take the receipt away and the next citizen scans
// another; a receipt still "in view" would replace the next citizen's result).
TEST(ScanServiceTest, FileCameraStopsShowingAFileRemovedWhileShown) {
    struct Folder {
        std::filesystem::path path =
            std::filesystem::temp_directory_path() / ("kiosk-scan-gone-" + std::to_string(::getpid()));
        Folder() { std::filesystem::create_directories(path); }
        ~Folder() { std::filesystem::remove_all(path); }
    } dir;
    const auto receipt = dir.path / "1-receipt.png";
    std::filesystem::copy_file(std::filesystem::path(KIOSK_TEST_DATA_DIR) / "scan" / "plain-qr-bare-offcentre.png", receipt,
                               std::filesystem::copy_options::overwrite_existing);
    Events events;
    app::ScanServiceOptions options;
    options.repeatInterval = 50ms;  // reported again and again while it is in view
    app::ScanService service(options, keepText, [&](app::ScanEvent e) { events.add(std::move(e)); });
    platform::FileCameraOptions cam;
    cam.paths = {dir.path.string()};
    cam.fps = 15;
    cam.secondsPerImage = 60;  // far longer than the test: only the removal can end it
    service.setCamera(platform::makeFileCamera(cam));
    service.start();
    ASSERT_TRUE(events.wait(1, 10s));
    std::filesystem::remove(receipt);
    // The folder is then empty: the camera says so at once rather than after its 60 s.
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (service.cameraStatus().state == platform::CameraStatus::State::Running && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(20ms);
    }
    EXPECT_EQ(service.cameraStatus().state, platform::CameraStatus::State::Failed) << service.cameraStatus().reason;
    // The camera has stopped publishing: once every frame it published is decoded or dropped (a frame's
    // scan is reported before it is counted), no report can follow.
    while (std::chrono::steady_clock::now() < deadline) {
        const app::ScanStats st = service.stats();
        if (st.framesDecoded + st.framesDropped >= st.framesPublished) break;
        std::this_thread::sleep_for(20ms);
    }
    const std::size_t seen = events.all().size();
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(events.all().size(), seen) << "the removed receipt is still reported";
    service.stop();
}

TEST(ScanServiceTest, FileCameraWithNothingToShowSaysWhy) {
    auto cam = platform::makeFileCamera({{"/nonexistent/receipts"}, 15, 1, true, {}});
    platform::FrameMailbox box;
    cam->start(box);
    for (int i = 0; i < 100 && cam->status().state != platform::CameraStatus::State::Failed; ++i) std::this_thread::sleep_for(10ms);
    EXPECT_EQ(cam->status().state, platform::CameraStatus::State::Failed);
    EXPECT_NE(cam->status().reason.find("/nonexistent/receipts"), std::string::npos) << cam->status().reason;
    cam->stop();
}

TEST(ScanServiceTest, MissingV4l2CameraIsRetriedWithAReason) {
    auto cam = platform::makeV4l2Camera({"/dev/video-kiosk-test-missing", 640, 480, 15});
    platform::FrameMailbox box;
    cam->start(box);
    for (int i = 0; i < 200 && cam->status().state != platform::CameraStatus::State::Missing; ++i) std::this_thread::sleep_for(10ms);
    const auto status = cam->status();
    EXPECT_EQ(status.state, platform::CameraStatus::State::Missing);
    EXPECT_NE(status.reason.find("/dev/video-kiosk-test-missing"), std::string::npos) << status.reason;
    EXPECT_NE(status.reason.find("retrying"), std::string::npos) << status.reason;
    const auto t0 = std::chrono::steady_clock::now();
    cam->stop();  // interrupts the backoff sleep
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 1s);
    EXPECT_EQ(box.published(), 0u);
}

TEST(ScanServiceTest, NonCameraDeviceIsReportedAsUnusable) {
    auto cam = platform::makeV4l2Camera({"/dev/null", 640, 480, 15});
    platform::FrameMailbox box;
    cam->start(box);
    for (int i = 0; i < 200 && cam->status().state != platform::CameraStatus::State::Failed; ++i) std::this_thread::sleep_for(10ms);
    const auto status = cam->status();
    EXPECT_EQ(status.state, platform::CameraStatus::State::Failed) << status.reason;
    EXPECT_NE(status.reason.find("/dev/null"), std::string::npos) << status.reason;
    EXPECT_EQ(box.published(), 0u);
    cam->stop();
}

TEST(ScanServiceTest, SerialScannerLinesAreScans) {
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    ASSERT_GE(master, 0);
    ASSERT_EQ(::grantpt(master), 0);
    ASSERT_EQ(::unlockpt(master), 0);
    const std::string slave = ::ptsname(master);

    Events events;
    app::ScanService service({}, keepText, [&](app::ScanEvent e) { events.add(std::move(e)); });
    service.addScanner(platform::makeSerialScanner({slave, 9600}));
    service.start();
    for (int i = 0; i < 100 && service.scannerStatuses()[0].state != platform::CameraStatus::State::Running; ++i)
        std::this_thread::sleep_for(10ms);
    ASSERT_EQ(service.scannerStatuses()[0].state, platform::CameraStatus::State::Running);
    const std::string data = "000.00.06.H56-231027-0361\r\n\r\n000.17.22.H56-210531-0001\n000.17.22.H56-210531-0001\n";
    ASSERT_EQ(::write(master, data.data(), data.size()), static_cast<ssize_t>(data.size()));
    ASSERT_TRUE(events.wait(2, 3s));
    std::this_thread::sleep_for(100ms);
    service.stop();
    ::close(master);
    const auto all = events.all();
    ASSERT_EQ(all.size(), 2u) << "blank line ignored, a code repeated at once throttled";
    EXPECT_EQ(textOf(all[0]), "000.00.06.H56-231027-0361");
    EXPECT_EQ(textOf(all[1]), "000.17.22.H56-210531-0001");
    EXPECT_EQ(all[0].source, app::ScanSource::Scanner);
}

TEST(ScanServiceTest, SubmittedWedgeTextIsThrottledLikeCameraScans) {
    Events events;
    app::ScanService service({}, keepText, [&](app::ScanEvent e) { events.add(std::move(e)); });
    const auto now = std::chrono::steady_clock::now();
    service.submitText("000.00.04.H40-230414-0002", app::ScanSource::Keyboard, now);
    service.submitText("000.00.04.H40-230414-0002", app::ScanSource::Keyboard, now);
    const auto all = events.all();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].source, app::ScanSource::Keyboard);
    EXPECT_EQ(service.cameraStatus().state, platform::CameraStatus::State::Missing) << "no camera configured";
}

TEST(ScanServiceTest, EvdevUsKeymap) {
    EXPECT_EQ(platform::usKeyToChar(KEY_0, false), '0');
    EXPECT_EQ(platform::usKeyToChar(KEY_1, false), '1');
    EXPECT_EQ(platform::usKeyToChar(KEY_MINUS, false), '-');
    EXPECT_EQ(platform::usKeyToChar(KEY_DOT, false), '.');
    EXPECT_EQ(platform::usKeyToChar(KEY_H, true), 'H');
    EXPECT_EQ(platform::usKeyToChar(KEY_H, false), 'h');
    EXPECT_EQ(platform::usKeyToChar(KEY_SLASH, false), '/');
    EXPECT_EQ(platform::usKeyToChar(KEY_SEMICOLON, true), ':');
    EXPECT_EQ(platform::usKeyToChar(KEY_SLASH, true), '?');
    EXPECT_EQ(platform::usKeyToChar(KEY_EQUAL, false), '=');
    EXPECT_EQ(platform::usKeyToChar(KEY_7, true), '&');
    EXPECT_EQ(platform::usKeyToChar(KEY_KP5, false), '5');
    EXPECT_FALSE(platform::usKeyToChar(KEY_LEFTSHIFT, false).has_value());
    EXPECT_FALSE(platform::usKeyToChar(KEY_F1, false).has_value());
}

TEST(ScanServiceTest, MissingEvdevAndSerialDevicesSayWhy) {
    auto serial = platform::makeSerialScanner({"/dev/ttyACM-kiosk-test-missing", 9600});
    auto evdev = platform::makeEvdevScanner({"/dev/input/event-kiosk-test-missing", true});
    serial->start([](std::string) {});
    evdev->start([](std::string) {});
    for (int i = 0; i < 100 && (serial->status().state != platform::CameraStatus::State::Missing ||
                                evdev->status().state != platform::CameraStatus::State::Missing); ++i)
        std::this_thread::sleep_for(10ms);
    EXPECT_EQ(serial->status().state, platform::CameraStatus::State::Missing);
    EXPECT_NE(serial->status().reason.find("ttyACM-kiosk-test-missing"), std::string::npos);
    EXPECT_EQ(evdev->status().state, platform::CameraStatus::State::Missing);
    serial->stop();
    evdev->stop();
}

}  // namespace
