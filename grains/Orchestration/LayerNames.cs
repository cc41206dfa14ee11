namespace Amas.Orleans.Orchestration;

public static class LayerNames
{
    public const int Count = 4;

    public static string Of(int layer) => layer switch
    {
        1 => "detection_analysis",
        2 => "intelligence_decision",
        3 => "execution_fix",
        4 => "orchestration_management",
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "Layers are numbered 1 to 4."),
    };
}
