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

// Cornerstone types `toolName` as any; these are its values (checked where the tools are added).
const TOOL_NAMES: Record<PrimaryTool, string> = {
  windowLevel: 'WindowLevel',
  zoom: 'Zoom',
  pan: 'Pan',
  length: 'Length',
  angle: 'Angle',
  ellipse: 'EllipticalROI',
  rectangle: 'RectangleROI',
};
const STACK_SCROLL = 'StackScroll';

export const MEASUREMENT_TOOL_NAMES: readonly string[] = [TOOL_NAMES.length, TOOL_NAMES.angle, TOOL_NAMES.ellipse, TOOL_NAMES.rectangle];

let registered = false;
function registerTools(): void {
  if (registered) return;
  const classes = [WindowLevelTool, ZoomTool, PanTool, StackScrollTool, LengthTool, AngleTool, EllipticalROITool, RectangleROITool];
  const expected = new Set([...Object.values(TOOL_NAMES), STACK_SCROLL]);
  for (const tool of classes) {
    const name: unknown = tool.toolName;
    if (typeof name !== 'string' || !expected.has(name)) throw new Error('The viewer tools do not match this Cornerstone version.');
    addTool(tool);
  }
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
    group.addTool(STACK_SCROLL);
    // Measurements stay visible and editable whichever tool is chosen.
    for (const name of MEASUREMENT_TOOL_NAMES) group.setToolPassive(name);
    group.setToolActive(TOOL_NAMES.zoom, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
    group.setToolActive(TOOL_NAMES.pan, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
    group.setToolActive(STACK_SCROLL, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
    group.setToolActive(TOOL_NAMES.windowLevel, { bindings: [{ mouseButton: MouseBindings.Primary }] });
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
