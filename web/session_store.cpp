#include "web/session_store.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "render/app.hpp"
#include "render/workspace.hpp"

namespace layerlab::web {
namespace {

std::string autosavePath() { return std::string(kDataDir) + "/browser-session.json"; }

std::string g_written;   // the text last written (or restored): unchanged sessions are not rewritten

}   // namespace

bool autosave() {
    auto* workspace = render::runningWorkspace();
    if (!workspace) return false;
    std::string text = workspace->autosaveJson();
    if (text == g_written) return false;
    const std::string path = autosavePath();
    {
        std::ofstream out(path + ".tmp", std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) return false;
    }
    if (std::rename((path + ".tmp").c_str(), path.c_str()) != 0) return false;
    g_written = std::move(text);
    return true;
}

void restoreAutosave() {
    auto* workspace = render::runningWorkspace();
    std::ifstream in(autosavePath(), std::ios::binary);
    if (!workspace || !in) return;
    std::stringstream text;
    text << in.rdbuf();
    std::string error;
    if (!workspace->openScenarioText(text.str(), error))
        std::cerr << "layerlab: the autosaved session could not be opened: " << error << "\n";
    g_written = workspace->autosaveJson();
}

}   // namespace layerlab::web
