#include "kiosk/app/services/speech_service.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

namespace kiosk::app {

SpeechService::SpeechService(std::unique_ptr<platform::SpeechSynthesizer> synth,
                             std::unique_ptr<platform::AudioOutput> output, std::function<void()> wake)
    : m_synth(std::move(synth)), m_output(std::move(output)), m_wake(std::move(wake)),
      m_thread([this](std::stop_token stop) { run(stop); }) {}

SpeechService::~SpeechService() {
    m_cancel = true;
    m_thread.request_stop();
    m_cv.notify_all();
}

void SpeechService::speak(std::string text, core::Language language) {
    {
        std::lock_guard lock(m_mutex);
        m_pending = Request{std::move(text), language};
        m_cancel = true;  // the text being read (if any) gives way
    }
    m_speaking = true;
    m_cv.notify_one();
}

void SpeechService::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_pending.reset();
        m_cancel = true;
    }
    m_cv.notify_one();
}

void SpeechService::run(std::stop_token stop) {
    while (true) {
        Request request;
        {
            std::unique_lock lock(m_mutex);
            if (!m_pending) {
                const bool wasSpeaking = m_speaking.exchange(false);
                if (wasSpeaking && m_wake) m_wake();
            }
            m_cv.wait(lock, stop, [&] { return m_pending.has_value(); });
            if (stop.stop_requested()) return;
            request = std::move(*m_pending);
            m_pending.reset();
            m_cancel = false;
        }
        m_speaking = true;
        if (m_wake) m_wake();
        // Logged by size and time only: the text holds the dossier's status, never logged.
        const auto started = std::chrono::steady_clock::now();
        auto pcm = m_synth->synthesize(request.text, request.language, m_cancel);
        if (!pcm) {
            if (!m_cancel) spdlog::warn("speech: {}", pcm.error().message);
            continue;
        }
        spdlog::debug("speech: {:.1f} s of audio synthesised in {:.0f} ms", pcm->seconds(),
                      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
        if (auto played = m_output->play(*pcm, m_cancel); !played) {
            spdlog::warn("speech: {}", played.error().message);
        }
    }
}

}  // namespace kiosk::app
