import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { blockAuxClick, exposeApi, type EventTargetLike } from './preload-api';

exposeApi(contextBridge, ipcRenderer, (file) => webUtils.getPathForFile(file as File));
// In a preload, globalThis is the page's window (this file is compiled without DOM types).
blockAuxClick(globalThis as unknown as EventTargetLike);
