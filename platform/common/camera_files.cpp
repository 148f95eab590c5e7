#include "platform/common/camera_files.hpp"

#include <algorithm>
#include <filesystem>

#include <spdlog/spdlog.h>

#include "platform/common/device_thread.hpp"

namespace platform {
namespace {

using State = CameraStatus::State;
namespace fs = std::filesystem;

bool looksLikeImage(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp" || ext == ".pgm" || ext == ".ppm" ||
           ext == ".tga" || ext == ".gif";
}

/// Expands folders (name order, images only) and keeps files as given.
std::vector<fs::path> expand(const std::vector<std::string>& paths, std::string& problem) {
    std::vector<fs::path> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> inFolder;
            for (const auto& e : fs::directory_iterator(p, ec)) {
                if (e.is_regular_file(ec) && looksLikeImage(e.path())) inFolder.push_back(e.path());
            }
            std::sort(inFolder.begin(), inFolder.end());
            if (inFolder.empty()) problem = "no images in folder " + p;
            out.insert(out.end(), inFolder.begin(), inFolder.end());
        } else if (fs::exists(p, ec)) {
            out.emplace_back(p);
        } else {
            problem = "no such file or folder: " + p;
        }
    }
    return out;
}

class FileCamera final : public FrameSource {
public:
    explicit FileCamera(FileCameraOptions options) : m_options(std::move(options)) {}
    ~FileCamera() override { stop(); }

    void start(FrameMailbox& mailbox) override {
        m_thread.start("loading images", [this, &mailbox](std::stop_token stop) { run(stop, mailbox); });
    }

    void stop() override { m_thread.stop(); }

    [[nodiscard]] CameraStatus status() const override { return m_thread.status().get(); }

    [[nodiscard]] std::string describe() const override {
        std::string s = "files";
        for (const auto& p : m_options.paths) s += " " + p;
        return s + " @" + std::to_string(m_options.fps) + " fps";
    }

private:
    void run(std::stop_token stop, FrameMailbox& mailbox) {
        detail::StatusBox& status = m_thread.status();
        const double fps = m_options.fps > 0 ? std::min(m_options.fps, 120.0) : 15.0;
        const auto period = std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(1.0 / fps));
        const auto hold = std::chrono::duration<double>(std::max(m_options.secondsPerImage, 1.0 / fps));
        do {
            std::string problem;
            const auto files = expand(m_options.paths, problem);
            if (files.empty()) {
                status.set(State::Failed, problem.empty() ? "no image files given" : problem);
                spdlog::warn("file camera: {}", status.get().reason);
                return;
            }
            std::size_t shown = 0;
            for (const auto& file : files) {
                auto image = kiosk::core::readImageFile(file.string(), m_options.limits);
                if (!image) {
                    status.set(State::Running, "skipped " + file.filename().string() + ": " + image.error().message);
                    spdlog::warn("file camera: {}", status.get().reason);
                    continue;
                }
                ++shown;
                status.set(State::Running, problem.empty() ? file.filename().string() : problem);
                const auto until = std::chrono::steady_clock::now() + hold;
                auto next = std::chrono::steady_clock::now();
                while (next < until) {
                    // A file removed while it is shown is a receipt taken away from the camera: the
                    // next image comes at once, not when its time is up.
                    if (std::error_code gone; !fs::exists(file, gone)) break;
                    mailbox.publish(image->view(), std::chrono::steady_clock::now());
                    next += period;
                    if (!detail::sleepUnlessStopped(stop, next - std::chrono::steady_clock::now())) return;
                }
            }
            if (shown == 0) {
                status.set(State::Failed, "none of the files is a readable image");
                return;
            }
        } while (m_options.loop && !stop.stop_requested());
        status.set(State::Stopped, "played all images");
    }

    FileCameraOptions m_options;
    detail::DeviceThread m_thread;  // last: joined before the options it reads go away
};

}  // namespace

std::unique_ptr<FrameSource> makeFileCamera(FileCameraOptions options) {
    return std::make_unique<FileCamera>(std::move(options));
}

FileCameraOptions fileCameraOptions(const kiosk::core::CameraSettings& settings) {
    FileCameraOptions o;
    o.paths = {settings.filesPath};
    o.fps = std::max(1, settings.filesFps);
    o.secondsPerImage = settings.filesSecondsPerImage;
    o.loop = settings.filesLoop;
    o.limits = {.maxPixels = settings.maxImagePixels, .maxFileBytes = settings.maxImageBytes};
    return o;
}

}  // namespace platform
