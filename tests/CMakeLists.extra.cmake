# The window's tests (only when the window is built): a smoke test that opens
# it under Xvfb, renders frames and checks the screenshot, and the one-line
# message without a display.
if(TARGET layerlab_render)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(LAYERLAB_STB REQUIRED IMPORTED_TARGET stb)
  add_executable(layerlab_png_check ${CMAKE_CURRENT_SOURCE_DIR}/gui/png_check.cpp)
  target_link_libraries(layerlab_png_check PRIVATE PkgConfig::LAYERLAB_STB)
  target_compile_options(layerlab_png_check PRIVATE ${LAYERLAB_WARNINGS})

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
  # Presenter mode stepping through a teacher's scenario (issue 9): opened
  # with --scenario, six steps in (a card, builds, an edit).
  add_test(NAME gui_presenter_scenario
    COMMAND ${_gui_dir}/smoke.sh $<TARGET_FILE:layerlab> $<TARGET_FILE:layerlab_png_check>
            ${CMAKE_CURRENT_BINARY_DIR}/gui_presenter_scenario.png --lang en --presenter
            --scenario examples/scenarios/cache-cascade-demo.json --steps 6
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(gui_smoke_en gui_smoke_ko_presenter gui_presenter_scenario
    PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
  add_test(NAME gui_no_display COMMAND ${_gui_dir}/no_display.sh $<TARGET_FILE:layerlab>)
  # Start-up on two threads (the GL context while the workspace and font atlas are prepared).
  add_test(NAME gui_startup_trace COMMAND ${_gui_dir}/startup_trace.sh $<TARGET_FILE:layerlab>
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(gui_startup_trace PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
endif()

# The layer-stack picture: scene, geometry and timeline without a window
# (tests/render/), then its pixels under Xvfb and every lesson start in both
# languages without an OpenGL error (tests/gui/).
if(TARGET layerlab_render)
  file(GLOB LAYERLAB_RENDER_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/render/test_*.cpp)
  add_executable(layerlab_render_tests ${CMAKE_CURRENT_SOURCE_DIR}/test_main.cpp ${LAYERLAB_RENDER_TEST_SOURCES})
  target_link_libraries(layerlab_render_tests PRIVATE layerlab_render layerlab_frontend doctest::doctest)
  add_test(NAME render COMMAND layerlab_render_tests WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})

  add_executable(layerlab_pixel_check ${CMAKE_CURRENT_SOURCE_DIR}/gui/pixel_check.cpp)
  target_link_libraries(layerlab_pixel_check PRIVATE PkgConfig::LAYERLAB_STB nlohmann_json::nlohmann_json)
  target_compile_options(layerlab_pixel_check PRIVATE ${LAYERLAB_WARNINGS})
  add_test(NAME gui_picture
    COMMAND ${_gui_dir}/picture.sh $<TARGET_FILE:layerlab> $<TARGET_FILE:layerlab_pixel_check>
            ${CMAKE_CURRENT_BINARY_DIR}/gui_picture
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  add_test(NAME gui_lessons
    COMMAND ${_gui_dir}/lessons.sh $<TARGET_FILE:layerlab> ${CMAKE_CURRENT_BINARY_DIR}/gui_lessons
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(gui_picture gui_lessons PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()
