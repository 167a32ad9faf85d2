# LibTorch's headers are most of a torch translation unit's compile: <torch/torch.h> alone took
# 30–54 s a file on 2 cores (issue #27). They are parsed once into a precompiled header that every
# torch source of Tessera reuses.
#
# GCC accepts a precompiled header only where it was made with the same -fpic/-fpie setting (and the
# same code-generation flags), so there are two: one made in a static library (-fPIC, for the core
# libraries) and one in a program (-fPIE, for tests and benchmarks). Both link tessera_options, so
# the sanitizer builds get their own. -Winvalid-pch on the users turns a silent fall-back to parsing
# the headers (a flag that differs) into a warning, an error in CI.
option(TESSERA_PCH "Precompile LibTorch's headers once for every torch source" ON)

if(TESSERA_PCH)
  set(pch_dir "${CMAKE_CURRENT_LIST_DIR}")
  add_library(tessera_torch_pch STATIC "${pch_dir}/TorchPchLibrary.cpp")
  add_executable(tessera_torch_pch_program "${pch_dir}/TorchPchProgram.cpp")
  foreach(provider tessera_torch_pch tessera_torch_pch_program)
    target_link_libraries(${provider} PRIVATE Qt6::Core tessera_options ${TORCH_LIBRARIES})
    target_precompile_headers(${provider} PRIVATE <torch/torch.h>)
    set_target_properties(${provider} PROPERTIES AUTOMOC OFF)
  endforeach()
endif()

# True in `result` when `file` includes LibTorch, itself or through a header beside it (the nets and
# the training checkpoint have torch headers).
function(_tessera_includes_torch file result)
  set(torch_include "#include <(torch|ATen|c10)/")
  file(STRINGS "${file}" lines REGEX "${torch_include}|#include \"")
  cmake_path(GET file PARENT_PATH dir)
  foreach(line IN LISTS lines)
    if(line MATCHES "${torch_include}")
      set(${result} TRUE PARENT_SCOPE)
      return()
    endif()
    if(NOT line MATCHES "#include \"([^\"]+)\"")
      continue()
    endif()
    set(header "${dir}/${CMAKE_MATCH_1}")
    if(EXISTS "${header}")
      file(STRINGS "${header}" header_lines REGEX "${torch_include}")
      if(header_lines)
        set(${result} TRUE PARENT_SCOPE)
        return()
      endif()
    endif()
  endforeach()
  set(${result} FALSE PARENT_SCOPE)
endfunction()

# Gives the sources of `target` that include LibTorch the precompiled LibTorch headers. The other
# sources of the target skip it: loading 780 MB of parsed headers costs a file about 4 s.
function(tessera_use_torch_pch target)
  if(NOT TESSERA_PCH)
    return()
  endif()
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "EXECUTABLE")
    target_precompile_headers(${target} REUSE_FROM tessera_torch_pch_program)
  else()
    target_precompile_headers(${target} REUSE_FROM tessera_torch_pch)
  endif()
  target_compile_options(${target} PRIVATE -Winvalid-pch)
  get_target_property(source_dir ${target} SOURCE_DIR)
  get_target_property(binary_dir ${target} BINARY_DIR)
  get_target_property(sources ${target} SOURCES)
  foreach(source IN LISTS sources)
    cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${source_dir}" OUTPUT_VARIABLE path)
    _tessera_includes_torch("${path}" uses_torch)
    if(NOT uses_torch)
      set_source_files_properties("${source}" TARGET_DIRECTORY ${target}
        PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
    endif()
  endforeach()
  # Qt's generated moc sources include no LibTorch either.
  set_source_files_properties("${binary_dir}/${target}_autogen/mocs_compilation.cpp"
    TARGET_DIRECTORY ${target} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
endfunction()
