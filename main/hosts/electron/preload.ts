import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { exposeApi } from './preload-api';

exposeApi(contextBridge, ipcRenderer, (file) => webUtils.getPathForFile(file as File));
