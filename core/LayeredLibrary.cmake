# One static library per source folder, in layers (core/ and ui/): <prefix><folder> reaches its
# own headers and those of the libraries it uses as "folder/Header.h", through a staging
# directory that holds a link to that folder alone (<STAGING>/<folder>/<folder> -> <folder>).
# A library sees no other folder's headers, so an include against the grain does not compile
# (tests/layering proves it). USES names folders of the same prefix; REGISTRY is the global list
# the library is added to.
function(tessera_layered_library prefix folder)
  cmake_parse_arguments(L "" "STAGING;REGISTRY" "SOURCES;USES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
  set(target ${prefix}${folder})
  add_library(${target} STATIC ${L_SOURCES})
  set(root "${L_STAGING}/${folder}")
  file(MAKE_DIRECTORY "${root}")
  file(CREATE_LINK "${CMAKE_CURRENT_SOURCE_DIR}/${folder}" "${root}/${folder}" SYMBOLIC)
  target_include_directories(${target} PUBLIC "${root}")
  set(uses "")
  foreach(dependency IN LISTS L_USES)
    list(APPEND uses ${prefix}${dependency})
  endforeach()
  target_link_libraries(${target} PUBLIC ${uses} ${L_PUBLIC_LIBS} PRIVATE ${L_PRIVATE_LIBS})
  set_property(GLOBAL APPEND PROPERTY ${L_REGISTRY} ${target})
endfunction()
