#pragma once
// The test executables' automation interface (kiosk-test, kiosk-fake). `--test-control PATH` makes a
// FIFO at PATH; each line written to it is one command, and each answer is appended as one line to
// PATH.out:
//   tap BUTTON-ID          press and lift a finger on a button of the current screen
//   tap-at X Y             press and lift a finger at screen pixel (X, Y), on a button or not
//   type TEXT              tap the keypad keys for the letters and digits of TEXT
//   screenshot FILE.png    save the next drawn frame
//   state                  answer "state <Screen>[ idle-warning] lang=.. ... lookups=N" (docs/ui.md), plus
//                          " staff=PAGE pin=N failures=N locked=S draft=N ..." on staff screens (staff_state.hpp)
//   advance-time SECONDS   move the kiosk's monotonic clock forward (idle tests)
//   frame-stats [reset]    answer "frames N longest_ms X" (then reset the counters)
//   fail-frames N          the next N frames throw (tests the per-frame recovery)
//   hang SECONDS           the UI thread sleeps SECONDS after answering (tests the systemd watchdog)
//   quit                   end the kiosk (as staff mode would)
// Commands run on the UI thread between frames, so they see exactly what a finger would.

#include <functional>
#include <memory>
#include <string>

namespace kiosk::app {

class MainThreadQueue;

class TestControl {
public:
    /// Creates the FIFO and starts the reader thread; `handle` runs on the UI thread per line and
    /// returns the answer line.
    static std::unique_ptr<TestControl> start(const std::string& path, MainThreadQueue& queue,
                                              std::function<void(const std::string&)> handle);
    virtual ~TestControl() = default;
    /// Appends one answer line to PATH.out.
    virtual void reply(const std::string& line) = 0;
};

}  // namespace kiosk::app
