import { describe, expect, it } from 'vitest';
import { needsWebGl, preferredStackBackend, stackBackendFor } from './render-backend';

const gpu = { webgl: true, softwareRasterizer: false };
const software = { webgl: true, softwareRasterizer: true };
const none = { webgl: false };

describe('where a stack draws', () => {
  it('uses WebGL on a real GPU and the CPU on a software rasteriser or without WebGL', () => {
    expect(preferredStackBackend(gpu)).toBe('webgl');
    expect(preferredStackBackend({ webgl: true })).toBe('webgl');
    expect(preferredStackBackend(software)).toBe('cpu');
    expect(preferredStackBackend(none)).toBe('cpu');
  });

  it('sends sigmoid windows, VOI LUT sequences and colour wider than 8 bits to WebGL, and nothing else', () => {
    expect(needsWebGl({ voiLutFunction: 'SIGMOID' })).toBe(true);
    expect(needsWebGl({ voiLutFunction: 'sigmoid ' })).toBe(true);
    expect(needsWebGl({ hasVoiLut: true })).toBe(true);
    expect(needsWebGl({ color: true, bitsAllocated: 32 })).toBe(true);
    expect(needsWebGl({ color: true, bitsAllocated: 16 })).toBe(true);
    for (const v of ['LINEAR', 'LINEAR_EXACT', '', null, undefined]) expect(needsWebGl({ voiLutFunction: v })).toBe(false);
    expect(needsWebGl({ color: true, bitsAllocated: 8 })).toBe(false);
    expect(needsWebGl({ color: false, bitsAllocated: 16, hasVoiLut: false })).toBe(false);
  });

  it('moves such a series to WebGL where WebGL exists, even a software one', () => {
    expect(stackBackendFor(software, { voiLutFunction: 'SIGMOID' })).toBe('webgl');
    expect(stackBackendFor(gpu, { hasVoiLut: true })).toBe('webgl');
    expect(stackBackendFor(software, { voiLutFunction: 'LINEAR', bitsAllocated: 16 })).toBe('cpu');
    expect(stackBackendFor(software, {})).toBe('cpu');
    expect(stackBackendFor(gpu, {})).toBe('webgl');
  });

  it('still draws such a series without WebGL, on the CPU', () => {
    expect(stackBackendFor(none, { voiLutFunction: 'SIGMOID', hasVoiLut: true })).toBe('cpu');
  });
});
