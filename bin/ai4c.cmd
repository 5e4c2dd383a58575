@echo off
rem Launcher of the AI4C command line on Windows:
rem
rem   ai4c <service | command> [options]      e.g. ai4c S2-CD --input1 ... --input2 ... --output_path out\
rem
rem The per-service scripts beside it (S2-CD.cmd, ...) run "ai4c <service>" with their options.
rem Finds the jars either in a distribution (lib\ beside bin\) or in the source tree after
rem "mvn -pl ai4c-cli -am package -DskipTests" (ai4c-cli\target\ai4c-cli-*.jar + ai4c-cli\target\lib).
rem JAVA_HOME selects the Java runtime (17 or later); AI4C_JAVA_OPTS adds JVM options (e.g. -Xmx16g).
setlocal
set "AI4C_ROOT=%~dp0.."
set "AI4C_CP="
if exist "%AI4C_ROOT%\lib\" (
  set "AI4C_CP=%AI4C_ROOT%\lib\*"
) else if exist "%AI4C_ROOT%\ai4c-cli\target\lib\" (
  set "AI4C_JAR="
  for %%J in ("%AI4C_ROOT%\ai4c-cli\target\ai4c-cli-*.jar") do call :pick "%%~fJ"
  call :classpath
) else (
  echo ai4c: cannot find the AI4C jars ^(looked in %AI4C_ROOT%\lib and %AI4C_ROOT%\ai4c-cli\target\lib^). 1>&2
  echo ai4c: in the source tree, build them with: mvn -pl ai4c-cli -am package -DskipTests 1>&2
  exit /b 1
)
if not defined AI4C_CP exit /b 1
if defined JAVA_HOME (set "AI4C_JAVA=%JAVA_HOME%\bin\java.exe") else (set "AI4C_JAVA=java")
rem the JDK's vector API runs the U-Net's plain-Java forward pass at full speed (see bin/ai4c)
"%AI4C_JAVA%" --add-modules=jdk.incubator.vector %AI4C_JAVA_OPTS% -cp "%AI4C_CP%" eu.ai4c.cli.Main %*
exit /b %ERRORLEVEL%

:pick
rem the main jar, not its -sources, -tests or -javadoc companions
set "AI4C_NAME=%~n1"
if /i "%AI4C_NAME:~-8%"=="-sources" exit /b 0
if /i "%AI4C_NAME:~-6%"=="-tests" exit /b 0
if /i "%AI4C_NAME:~-8%"=="-javadoc" exit /b 0
set "AI4C_JAR=%~1"
exit /b 0

:classpath
if not defined AI4C_JAR (
  echo ai4c: no ai4c-cli jar in %AI4C_ROOT%\ai4c-cli\target. Build it with: mvn -pl ai4c-cli -am package -DskipTests 1>&2
  exit /b 1
)
set "AI4C_CP=%AI4C_JAR%;%AI4C_ROOT%\ai4c-cli\target\lib\*"
exit /b 0
