# The window's tests (only when the window is built): a smoke test that opens
# it under Xvfb, renders frames and checks the screenshot, and the one-line
# message without a display.
if(TARGET layerlab_render)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(LAYERLAB_STB REQUIRED IMPORTED_TARGET stb)
  add_executable(layerlab_png_check ${CMAKE_CURRENT_SOURCE_DIR}/gui/png_check.cpp)
  target_link_libraries(layerlab_png_check PRIVATE PkgConfig::LAYERLAB_STB)

  set(_gui_dir ${CMAKE_CURRENT_SOURCE_DIR}/gui)
  add_test(NAME gui_smoke_en
    COMMAND ${_gui_dir}/smoke.sh $<TARGET_FILE:layerlab> $<TARGET_FILE:layerlab_png_check>
            ${CMAKE_CURRENT_BINARY_DIR}/gui_smoke_en.png --lang en
            --run "docker build -t app ." --run "docker run -d -p 3000:80 --name web app"
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  add_test(NAME gui_smoke_ko_presenter
    COMMAND ${_gui_dir}/smoke.sh $<TARGET_FILE:layerlab> $<TARGET_FILE:layerlab_png_check>
            ${CMAKE_CURRENT_BINARY_DIR}/gui_smoke_ko.png --lang ko --presenter --lesson 7
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(gui_smoke_en gui_smoke_ko_presenter PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
  add_test(NAME gui_no_display COMMAND ${_gui_dir}/no_display.sh $<TARGET_FILE:layerlab>)
endif()
