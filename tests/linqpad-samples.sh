#!/usr/bin/env bash
# LINQPad does not run on Linux, so CI checks that every .linq sample compiles and runs: each becomes a .NET 10
# file-based app ("dotnet run sample.cs") that references the library project and a stub Dump()/Chart().
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The samples run as a reader first runs them: with no environment variable set (sample 02 then parses stories of its
# own); sample 02 runs a second time over the seeds folder.
unset NEWSPARSING_SAMPLE_FOLDER
failed=0
for sample in "$root"/src/NewsParsing/linqpad-samples/*.linq; do
  name="$(basename "$sample" .linq | tr -c 'A-Za-z0-9\n' '_')"
  file="$work/$name.cs"
  {
    echo "#:project $root/src/NewsParsing/NewsParsing.csproj"
    echo "#:property PublishAot=false"
    echo "#:property TreatWarningsAsErrors=false"
    sed -n 's|.*<Namespace>\(.*\)</Namespace>.*|using \1;|p' "$sample"
    echo "using NewsParsing.Samples.Stubs;"
    # the statements after the XML query header
    awk 'BEGIN{body=0} body{print} /<\/Query>/{body=1}' "$sample"
    cat <<'CS'

namespace NewsParsing.Samples.Stubs
{
    /// <summary>Stand-ins for LINQPad's Dump() and Chart(), so the samples run anywhere.</summary>
    public static class LinqPadStubs
    {
        public static T Dump<T>(this T value, string? title = null)
        {
            System.Console.WriteLine($"== {title ?? typeof(T).Name}: {Describe(value)}");
            return value;
        }

        public static System.Collections.Generic.IEnumerable<T> Chart<T, TX, TY>(this System.Collections.Generic.IEnumerable<T> source, System.Func<T, TX> x, System.Func<T, TY> y)
        {
            foreach (var item in source)
            {
                System.Console.WriteLine($"   {x(item)}: {y(item)}");
            }

            return source;
        }

        private static string Describe(object? value) => value switch
        {
            null => "null",
            string s => s,
            System.Collections.IEnumerable e => string.Join("; ", System.Linq.Enumerable.Cast<object?>(e).Select(x => x?.ToString())),
            _ => value.ToString() ?? "",
        };
    }
}
CS
  } > "$file"
  folders=("")
  case "$name" in 02*) folders+=("$root/seeds") ;; esac
  for folder in "${folders[@]}"; do
    echo "--- $name${folder:+ (NEWSPARSING_SAMPLE_FOLDER=$folder)}"
    if ! (cd "$work" && if [ -n "$folder" ]; then export NEWSPARSING_SAMPLE_FOLDER="$folder"; fi && dotnet run "$file" > "$work/$name.out" 2>&1); then
      cat "$work/$name.out"
      echo "sample $name FAILED"
      failed=1
    elif ! grep -q '^== ' "$work/$name.out"; then
      cat "$work/$name.out"
      echo "sample $name dumped nothing"
      failed=1
    else
      head -n 20 "$work/$name.out"
    fi
  done
done
exit $failed
