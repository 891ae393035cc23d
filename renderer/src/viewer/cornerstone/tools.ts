/**
 * Cornerstone tools for one open study: one tool group shared by every viewport, so the chosen
 * tool works in all of them as in common radiology viewers. Fixed bindings: right button zooms,
 * middle button pans, the wheel moves through the stack; the left button does the chosen tool.
 */
import {
  AngleTool, EllipticalROITool, Enums as ToolEnums, LengthTool, PanTool, RectangleROITool, StackScrollTool,
  ToolGroupManager, WindowLevelTool, ZoomTool, addTool, type Types as ToolTypes,
} from '@cornerstonejs/tools';

/** The tools a person picks for the left button (ids as in the screen's keymap). */
export type PrimaryTool = 'windowLevel' | 'zoom' | 'pan' | 'length' | 'angle' | 'ellipse' | 'rectangle';

const TOOL_NAMES: Record<PrimaryTool, string> = {
  windowLevel: WindowLevelTool.toolName,
  zoom: ZoomTool.toolName,
  pan: PanTool.toolName,
  length: LengthTool.toolName,
  angle: AngleTool.toolName,
  ellipse: EllipticalROITool.toolName,
  rectangle: RectangleROITool.toolName,
};

export const MEASUREMENT_TOOL_NAMES: readonly string[] = [LengthTool.toolName, AngleTool.toolName, EllipticalROITool.toolName, RectangleROITool.toolName];

let registered = false;
function registerTools(): void {
  if (registered) return;
  for (const tool of [WindowLevelTool, ZoomTool, PanTool, StackScrollTool, LengthTool, AngleTool, EllipticalROITool, RectangleROITool]) addTool(tool);
  registered = true;
}

const { MouseBindings } = ToolEnums;

export class StudyTools {
  private readonly group: ToolTypes.IToolGroup;
  private primary: PrimaryTool = 'windowLevel';

  constructor(readonly id: string) {
    registerTools();
    const group = ToolGroupManager.createToolGroup(id);
    if (!group) throw new Error('The viewer tools could not start.');
    this.group = group;
    for (const name of Object.values(TOOL_NAMES)) group.addTool(name);
    group.addTool(StackScrollTool.toolName);
    // Measurements stay visible and editable whichever tool is chosen.
    for (const name of MEASUREMENT_TOOL_NAMES) group.setToolPassive(name);
    group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
    group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
    group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
    group.setToolActive(WindowLevelTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary }] });
  }

  addViewport(viewportId: string, renderingEngineId: string): void {
    this.group.addViewport(viewportId, renderingEngineId);
  }

  removeViewport(viewportId: string, renderingEngineId: string): void {
    this.group.removeViewports(renderingEngineId, viewportId);
  }

  get current(): PrimaryTool {
    return this.primary;
  }

  setPrimary(tool: PrimaryTool): void {
    if (tool === this.primary) return;
    // Passive keeps a tool's other bindings (right-button zoom, middle-button pan).
    this.group.setToolPassive(TOOL_NAMES[this.primary]);
    this.group.setToolActive(TOOL_NAMES[tool], { bindings: [{ mouseButton: MouseBindings.Primary }] });
    this.primary = tool;
  }

  destroy(): void {
    ToolGroupManager.destroyToolGroup(this.id);
  }
}
