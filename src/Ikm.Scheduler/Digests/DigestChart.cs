using ScottPlot;

namespace Ikm.Scheduler.Digests;

/// <summary>The monthly chart: average score per area at diagnosis and now, as grouped bars (PNG, rendered headless).</summary>
internal static class DigestChart
{
    private static readonly Color DiagnosisColor = Color.FromHex("#B0BEC5");
    private static readonly Color NowColor = Color.FromHex("#1E88E5");

    /// <summary>Null when no area has a score yet: an empty chart would tell the coordinator nothing.</summary>
    public static byte[]? Render(IReadOnlyList<AreaProgress> areas, string lang, int width, int height)
    {
        if (areas.Count == 0)
            return null;
        var plot = new Plot();
        plot.Font.Set(Fonts.Sans);
        var bars = new List<Bar>(areas.Count * 2);
        var positions = new double[areas.Count];
        var labels = new string[areas.Count];
        for (var i = 0; i < areas.Count; i++)
        {
            var area = areas[i];
            var x = i * 3.0;
            if (area.DiagnosisAverage is { } before)
                bars.Add(new Bar { Position = x, Value = before, FillColor = DiagnosisColor, Label = DigestBuilder.Num(before, lang) });
            if (area.CurrentAverage is { } now)
                bars.Add(new Bar { Position = x + 1, Value = now, FillColor = NowColor, Label = DigestBuilder.Num(now, lang) });
            positions[i] = x + 0.5;
            labels[i] = Wrap(area.Label, 12);
        }

        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.FontSize = 10;
        plot.Axes.Bottom.SetTicks(positions, labels);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 10;
        plot.Axes.Left.Label.Text = DigestTexts.ChartScore.In(lang);
        plot.Axes.SetLimitsY(0, 6.2);
        plot.Axes.SetLimitsX(-1, Math.Max(areas.Count, 1) * 3.0 - 1);
        plot.Title(DigestTexts.ChartTitle.In(lang), 14);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = DigestTexts.ChartDiagnosis.In(lang), FillColor = DiagnosisColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = DigestTexts.ChartNow.In(lang), FillColor = NowColor });
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>Area labels ("Keterampilan & sumber daya manusia") on a few short lines, so ten of them fit under 800 pixels.</summary>
    private static string Wrap(string label, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        if (line.Length > 0)
            lines.Add(line);
        return string.Join('\n', lines);
    }
}
