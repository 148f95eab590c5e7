// kiosk: the dossier-status kiosk. Without a subcommand it runs the fullscreen kiosk; the subcommands are
// operator tools (README.md, "Command line"). Everything happens in runCli (kiosk/app/commands/cli.cpp);
// the kiosk screen starts in runKiosk (kiosk/app/shell/run_kiosk.cpp), and every device is built in one
// place, buildDevices (kiosk/app/composition/devices.cpp).

#include "kiosk/app/commands/commands.hpp"

int main(int argc, char** argv) { return kiosk::app::runCli(argc, argv); }
