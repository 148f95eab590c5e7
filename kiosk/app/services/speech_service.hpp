#pragma once
// SpeechService: reads a text aloud on its own worker thread (synthesis, then playback), so the UI
// thread never waits for the speech engine or the sound card. One text at a time: a new one replaces
// the one being read; stop() silences it at once (Done, idle reset, leaving the screen).
//
//   SpeechService speech(std::move(synth), platform::makeAudioOutput(), wake);
//   speech.speak(core::spokenStatus(answer, table), core::Language::Vi);   // UI thread, returns at once
//   if (speech.speaking()) ...                                               // the button says "Stop"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/core/i18n/language.hpp"
#include "platform/speech.hpp"

namespace kiosk::app {

class SpeechService {
public:
    /// @param wake thread-safe: called when speaking starts or ends (the screen's button changes)
    SpeechService(std::unique_ptr<platform::SpeechSynthesizer> synth, std::unique_ptr<platform::AudioOutput> output,
                  std::function<void()> wake);
    ~SpeechService();  ///< stops the speech and joins the worker
    SpeechService(const SpeechService&) = delete;
    SpeechService& operator=(const SpeechService&) = delete;

    /// Reads `text` aloud (replacing what is being read). Returns at once.
    void speak(std::string text, core::Language language);
    /// Stops what is being read or waiting to be read. Returns at once.
    void stop();
    /// A text is being synthesised or played.
    [[nodiscard]] bool speaking() const { return m_speaking.load(); }

private:
    struct Request {
        std::string text;
        core::Language language = core::Language::Vi;
    };
    void run(std::stop_token stop);

    std::unique_ptr<platform::SpeechSynthesizer> m_synth;
    std::unique_ptr<platform::AudioOutput> m_output;
    std::function<void()> m_wake;
    std::mutex m_mutex;
    std::condition_variable_any m_cv;
    std::optional<Request> m_pending;   // guarded by m_mutex
    std::atomic<bool> m_cancel{false};  // set by stop()/speak(): the current text ends
    std::atomic<bool> m_speaking{false};
    std::jthread m_thread;              // last: starts after the members above exist
};

}  // namespace kiosk::app
